import DossierCore
import DossierStore
import Foundation
import Testing

@testable import DossierWeb

@Suite struct WatcherTests {
    /// A watcher over a new SQLite store in a temporary file (removed when the store is closed), reading articles only
    /// (no events: fast).
    static func watcher(port: Int) throws -> Watcher {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-watch-\(UUID().uuidString).db").path
        let store = try Store.open(path)
        let reader = ReportReader(intake: Intake(), pipeline: try Pipeline(Pipeline.article()))
        return Watcher(
            harvester: Harvester(fetcher: Fetcher(settings: testSettings(port: port)), intake: Intake(), store: store),
            ingester: Ingester(store: store, reader: reader, jobs: 1))
    }

    /// Closes the watcher's store and removes its files.
    static func close(_ watcher: Watcher) throws {
        try watcher.ingester.store.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: watcher.ingester.store.name + suffix) }
    }

    @Test func aSecondPollAsksConditionallyAndStoresNothingNew() async throws {
        try await withTestSite { base, port, log in
            let watcher = try Self.watcher(port: port)
            let feed = [URL(string: "\(base)/etag-feed.xml")!]
            let first = try await watcher.poll(feed) { Issue.record("\($0)") }
            #expect(first.added == 2 && first.failed == 0)
            let counts = try watcher.ingester.store.counts()
            let second = try await watcher.poll(feed) { Issue.record("\($0)") }
            #expect(second == Watcher.Summary(unchanged: 1))
            #expect(log.conditionalRequests("/etag-feed.xml") == 1)
            #expect(log.notModifiedAnswers("/etag-feed.xml") == 1)
            #expect(TestSite.rssPaths.allSatisfy { log.requests($0) == 1 })
            #expect(try watcher.ingester.store.counts() == counts)
            let stored = try watcher.ingester.store.fetchRecords(for: ["\(base)/etag-feed.xml", "\(base)/articles/one.html"])
            #expect(stored["\(base)/etag-feed.xml"]?.status == 304)
            #expect(stored["\(base)/etag-feed.xml"]?.etag == "\"v1\"")
            #expect(stored["\(base)/articles/one.html"]?.articleHash != nil)
            try Self.close(watcher)
        }
    }

    @Test func entriesStoredAlreadyAreNotFetchedAgain() async throws {
        try await withTestSite { base, port, log in
            let watcher = try Self.watcher(port: port)
            _ = try await watcher.poll([URL(string: "\(base)/rss.xml")!]) { Issue.record("\($0)") }
            let second = try await watcher.poll([URL(string: "\(base)/rss.xml")!]) { Issue.record("\($0)") }
            #expect(second.added == 0 && second.skipped == 2)
            #expect(log.requests("/rss.xml") == 2)
            #expect(TestSite.rssPaths.allSatisfy { log.requests($0) == 1 })
            try Self.close(watcher)
        }
    }

    @Test(arguments: [("# feeds\nhttps://a.example/rss\n\n  https://b.example/x.xml  # news\n", 2)])
    func readsFeedLists(text: String, count: Int) throws {
        #expect(try FeedList.urls(in: text, path: "feeds.txt").count == count)
        #expect(throws: FeedList.BadLine.self) { try FeedList.urls(in: "ftp://a.example/\n", path: "feeds.txt") }
    }
}
