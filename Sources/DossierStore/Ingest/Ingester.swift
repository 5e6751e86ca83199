import DossierCore
import Foundation

/// How far an ingest has got, for a progress line.
public struct IngestProgress: Sendable {
    /// Inputs read so far (stored, skipped or failed).
    public var done = 0
    public var total = 0
    /// Articles added to the store.
    public var added = 0
    /// Articles already in the store (or twice in the input), not extracted again.
    public var skipped = 0
    public var failed = 0
    public var seconds = 0.0

    public var rate: Double { Double(done) / max(seconds, 0.001) }
    /// Seconds left at the rate so far.
    public var eta: Double { rate > 0 ? Double(total - done) / rate : 0 }
}

/// Reads inputs, extracts them on `jobs` cores (``BatchEngine``), and stores them through one writer, a transaction a
/// batch.
///
/// An article whose content hash is stored already is not extracted again, so a second run over the same
/// inputs adds nothing, and a run after an interrupted one (even `kill -9`) adds only what is missing: each batch
/// and everything derived from it is committed at once or not at all.
public struct Ingester: Sendable {
    public let store: Store
    /// How each article is read; one that fails or runs past the reader's budget is stored as failed.
    public let reader: ReportReader
    public var jobs: Int
    /// Articles a transaction.
    public var batchSize: Int
    /// Whether articles that failed in an earlier run are extracted again (else they are skipped as stored).
    public var retryingFailed = false

    public init(
        store: Store, reader: ReportReader = ReportReader(intake: Intake(), pipeline: .standard()), jobs: Int, batchSize: Int = 256
    ) {
        self.store = store
        self.reader = reader
        self.jobs = jobs
        self.batchSize = batchSize
    }

    /// Ingests the units; `report` gets each failure's message and `progress` the state after each batch.
    /// Throws when the store fails; inputs that cannot be read are reported and skipped, articles that cannot be
    /// extracted reported and stored as ``FailedArticle``s.
    public func run(
        _ units: [InputUnit], report: @escaping @Sendable (String) -> Void,
        progress: @escaping @Sendable (IngestProgress) -> Void = { _ in }
    ) throws -> IngestProgress {
        let started = Date()
        let known = try store.knownHashes(retryingFailed: retryingFailed)
        let progressSoFar = Locked(IngestProgress(total: units.count))
        let writeError = Locked<(any Error)?>(nil)
        let writer = DispatchQueue(label: "dossier.ingest.writer")
        // At most one batch waits while another is written: extraction runs ahead of the writer by one batch.
        let inFlight = DispatchSemaphore(value: 2)
        var seen = Set<String>()
        try BatchEngine(jobs: jobs, batchSize: batchSize).run(units, work: { extract($0, known: known) }) { outcomes in
            var records: [ArticleRecord] = []
            var failures: [FailedArticle] = []
            var skipped = 0
            var failed = 0
            for outcome in outcomes {
                switch outcome {
                case .record(let record):
                    if seen.insert(record.hash).inserted { records.append(record) } else { skipped += 1 }
                case .known: skipped += 1
                case .failed(let message, let article):
                    failed += 1
                    report(message)
                    if let article, seen.insert(article.hash).inserted { failures.append(article) }
                }
            }
            inFlight.wait()
            if let error = writeError.withLock({ $0 }) {
                // Every batch handed to the writer ends before the error leaves: a semaphore must not be freed while
                // it is waited on.
                inFlight.signal()
                writer.sync {}
                throw error
            }
            let count = outcomes.count
            writer.async { [records, failures, skipped, failed] in
                defer { inFlight.signal() }
                do {
                    let added = try store.add(records, failed: failures)
                    let now = progressSoFar.withLock { p in
                        p.done += count
                        p.added += added
                        p.skipped += skipped + records.count - added
                        p.failed += failed
                        p.seconds = Date().timeIntervalSince(started)
                        return p
                    }
                    progress(now)
                } catch {
                    writeError.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
        writer.sync {}
        if let error = writeError.withLock({ $0 }) { throw error }
        return progressSoFar.withLock { $0 }
    }

    private enum Outcome: Sendable {
        case record(ArticleRecord)
        case known
        /// The message, and the article when it was read (an input that cannot be read has none to keep).
        case failed(String, FailedArticle?)
    }

    private func extract(_ unit: InputUnit, known: Set<String>) -> Outcome {
        do throws(InputError) {
            let article = try reader.load(unit)
            let hash = ArticleRecord.hash(of: article.text)
            if known.contains(hash) { return .known }
            let document: Document
            do {
                document = try reader.read(article)
            } catch {
                let failure = FailedArticle(hash: hash, source: article.source, docID: article.given.id, error: "\(error)")
                return .failed("dossier: error: \(article.source): \(error)", failure)
            }
            return .record(ArticleRecord(document, hash: hash))
        } catch {
            return .failed("dossier: error: \(error)", nil)
        }
    }
}
