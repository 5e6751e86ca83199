import Foundation

/// Reads many inputs on every core, a batch at a time: the one engine of `extract`, `ingest` and the commands that
/// read many reports. Within a batch each input is a task of its own (a slow one holds up no other); the batch's results
/// then go, in input order, to one consumer on the calling thread, which may write them out or hand them on.
///
///     try BatchEngine(jobs: 4, batchSize: 512).run(units, work: { reader.load($0) }) { results in print(results.count) }
public struct BatchEngine: Sendable {
    /// Inputs read at once; 1 reads one after another on the calling thread.
    public var jobs: Int
    /// Inputs a batch.
    public var batchSize: Int

    public init(jobs: Int, batchSize: Int) {
        self.jobs = max(1, jobs)
        self.batchSize = max(1, batchSize)
    }

    /// Runs `work` on every unit and `consume` on each batch's results in order, batch after batch; stops at the first
    /// error `consume` throws.
    public func run<Unit: Sendable, Result: Sendable>(
        _ units: [Unit], work: @escaping @Sendable (Unit) -> Result, consume: ([Result]) throws -> Void
    ) rethrows {
        for batchStart in stride(from: 0, to: units.count, by: batchSize) {
            let batch = Array(units[batchStart..<min(batchStart + batchSize, units.count)])
            let results = Slots<Result>(count: batch.count)
            if jobs == 1 || batch.count == 1 {
                for (index, unit) in batch.enumerated() { results[index] = work(unit) }
            } else {
                DispatchQueue.concurrentPerform(iterations: batch.count) { index in results[index] = work(batch[index]) }
            }
            try consume(results.all)
        }
    }
}

/// Result slots that worker threads fill, each index by one thread only.
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// Every slot's value; each was filled.
    var all: [Value] { lock.withLock { storage.map { $0! } } }
}
