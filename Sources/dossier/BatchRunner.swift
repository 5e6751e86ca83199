import DossierCore
import Foundation

/// The result of processing one input: what goes to standard output, and what to standard error.
struct Outcome: Sendable {
    var output: String?
    var messages: [String]
    var failed: Bool
}

/// Processes inputs on every core in batches and prints the results in input
/// order, with a progress line on standard error when it is a terminal.
struct BatchRunner {
    let jobs: Int

    /// Runs `work` on each unit; returns how many failed.
    func run(_ units: [InputUnit], _ work: @escaping @Sendable (InputUnit) -> Outcome) -> Int {
        let showProgress = units.count > 1 && isatty(STDERR_FILENO) == 1
        let batchSize = max(jobs * 128, 256)
        let started = Date()
        var failures = 0
        var done = 0
        let stdout = FileHandle.standardOutput
        let stderr = FileHandle.standardError
        for batchStart in stride(from: 0, to: units.count, by: batchSize) {
            let batch = Array(units[batchStart..<min(batchStart + batchSize, units.count)])
            let results = Slots(count: batch.count)
            if jobs == 1 || batch.count == 1 {
                for (index, unit) in batch.enumerated() { results[index] = work(unit) }
            } else {
                // One input a task, so that a slow input does not hold up the others of its task.
                DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                    results[index] = work(batch[index])
                }
            }
            var out = ""
            for index in batch.indices {
                guard let outcome = results[index] else { continue }
                if outcome.failed { failures += 1 }
                if let output = outcome.output { out += output }
                if !outcome.messages.isEmpty {
                    if showProgress { stderr.write(Data("\r\u{1B}[K".utf8)) }
                    stderr.write(Data((outcome.messages.joined(separator: "\n") + "\n").utf8))
                }
            }
            stdout.write(Data(out.utf8))
            done += batch.count
            if showProgress {
                let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
                let line = String(format: "\r\u{1B}[K%d/%d reports, %.0f a second, %d failed", done, units.count, rate, failures)
                stderr.write(Data(line.utf8))
            }
        }
        if showProgress { stderr.write(Data("\n".utf8)) }
        return failures
    }
}

/// Result slots that worker threads fill, each index by one thread only.
private final class Slots: @unchecked Sendable {
    private var storage: [Outcome?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Outcome? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }
}
