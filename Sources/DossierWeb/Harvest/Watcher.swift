import DossierCore
import DossierStore
import Foundation

/// Polls feeds, sitemaps and pages, and ingests what is new: the entry point of `dossier watch` and
/// `dossier fetch --ingest`.
///
/// Each poll harvests the URLs (``Harvester``, with the store: conditional requests, stored pages not fetched again),
/// ingests the pages read (``Ingester``: pages whose text is stored already are skipped), then records every fetch, so
/// that a feed polled again unchanged costs one 304 and stores nothing.
///
/// ```swift
/// let store = try Store.open("dossier.db")
/// let watcher = Watcher(
///     harvester: Harvester(fetcher: Fetcher(), intake: Intake(), store: store),
///     ingester: Ingester(store: store, jobs: 2))
/// let summary = try await watcher.poll([URL(string: "https://example.com/rss")!]) { print($0) }
/// print(summary.added)
/// ```
public struct Watcher: Sendable {
    public let harvester: Harvester
    public let ingester: Ingester

    public init(harvester: Harvester, ingester: Ingester) {
        self.harvester = harvester
        self.ingester = ingester
    }

    /// What one poll did.
    public struct Summary: Sendable, Equatable, CustomStringConvertible {
        /// Pages fetched and read.
        public var pages = 0
        /// Articles added to the store.
        public var added = 0
        /// Feeds and pages answered 304.
        public var unchanged = 0
        /// Entries stored already, met twice, or with a body met before.
        public var skipped = 0
        /// URLs that failed, and pages that could not be extracted.
        public var failed = 0

        public var description: String {
            "\(pages) page(s) fetched, \(added) added, \(unchanged) unchanged, \(skipped) skipped, \(failed) failed"
        }
    }

    /// Harvests the URLs once and ingests what is new; `report` gets a line for each failure.
    public func poll(_ urls: [URL], report: @escaping @Sendable (String) -> Void) async throws -> Summary {
        let harvest = await harvester.harvest(urls)
        for failure in harvest.failures { report("dossier: error: \(failure)") }
        let progress = try ingester.run(harvest.pages.map { .loaded($0.article) }, report: report)
        try ingester.store.record(harvest.fetches)
        return Summary(
            pages: harvest.pages.count, added: progress.added, unchanged: harvest.unchanged, skipped: harvest.skipped,
            failed: harvest.failures.count + progress.failed)
    }

    /// Polls every `interval` (measured from one poll's start to the next) until `polls` have run, or for ever when it
    /// is nil; `finished` gets each poll's number (from 1) and summary.
    public func watch(
        _ urls: [URL], every interval: Duration, polls: Int?, report: @escaping @Sendable (String) -> Void,
        finished: (Int, Summary) -> Void
    ) async throws {
        var number = 0
        while polls.map({ number < $0 }) ?? true {
            let started = ContinuousClock.now
            number += 1
            finished(number, try await poll(urls, report: report))
            if polls.map({ number < $0 }) ?? true { try await Task.sleep(until: started + interval, clock: .continuous) }
        }
    }
}
