import DossierCore
import Foundation

/// The result of processing one input: what goes to standard output, and what to standard error.
struct Outcome: Sendable, Codable {
    var output: String?
    var messages: [String]
    var failed: Bool
}

/// Processes inputs on every core in batches and prints the results in input
/// order, with a progress line on standard error when it is a terminal.
struct BatchRunner {
    let jobs: Int

    /// Runs `work` on each unit; returns how many failed.
    func run<Unit: Sendable>(_ units: [Unit], _ work: @escaping @Sendable (Unit) -> Outcome) -> Int {
        let showProgress = units.count > 1 && isatty(STDERR_FILENO) == 1
        let started = Date()
        var failures = 0
        var done = 0
        let stdout = FileHandle.standardOutput
        let stderr = FileHandle.standardError
        BatchEngine(jobs: jobs, batchSize: max(jobs * 128, 256)).run(units, work: work) { outcomes in
            var out = ""
            for outcome in outcomes {
                if outcome.failed { failures += 1 }
                if let output = outcome.output { out += output }
                if !outcome.messages.isEmpty {
                    if showProgress { stderr.write(Data("\r\u{1B}[K".utf8)) }
                    stderr.write(Data((outcome.messages.joined(separator: "\n") + "\n").utf8))
                }
            }
            stdout.write(Data(out.utf8))
            done += outcomes.count
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
