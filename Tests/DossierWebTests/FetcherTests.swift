import DossierCore
import Foundation
import Testing

@testable import DossierWeb

@Suite struct FetcherTests {
    @Test func fetchesAPageAndReadsItsArticle() async throws {
        try await withTestSite { base, port, _ in
            let harvester = Harvester(fetcher: Fetcher(settings: testSettings(port: port)), intake: Intake())
            let harvest = await harvester.harvest([URL(string: "\(base)/page.html#top")!, URL(string: "\(base)/page.html")!])
            #expect(harvest.failures.isEmpty, "\(harvest.failures)")
            let page = try #require(harvest.pages.first)
            #expect(harvest.pages.count == 1)
            #expect(page.article.given.title == "Talks resume in Geneva")
            #expect(page.article.text.contains("Negotiators from both sides returned to Geneva."))
            #expect(!page.article.text.contains("Copyright"))
            #expect(page.article.given.url == "\(base)/page.html")
            #expect(page.fetch.status == 200)
            #expect(page.fetch.articleHash != nil && page.fetch.contentHash != nil)
        }
    }

    @Test func readsTheCharsetTheServerNames() async throws {
        try await withTestSite { base, port, _ in
            let harvester = Harvester(fetcher: Fetcher(settings: testSettings(port: port)), intake: Intake())
            let harvest = await harvester.harvest([URL(string: "\(base)/latin1.html")!])
            let page = try #require(harvest.pages.first, "\(harvest.failures)")
            #expect(page.article.text.contains("The caf\u{E9} owner"))
        }
    }

    @Test(arguments: ["/rss.xml", "/atom.xml", "/sitemap.xml"])
    func followsFeedsToTheirPages(path: String) async throws {
        try await withTestSite { base, port, log in
            let harvester = Harvester(fetcher: Fetcher(settings: testSettings(port: port)), intake: Intake())
            let harvest = await harvester.harvest([URL(string: base + path)!])
            #expect(harvest.failures.isEmpty, "\(harvest.failures)")
            let expected = ["/rss.xml": 2, "/atom.xml": 1, "/sitemap.xml": 1][path]!
            #expect(harvest.pages.count == expected)
            #expect(harvest.fetches.count == expected + 1)
            if path == "/rss.xml" {
                #expect(harvest.pages.map { $0.article.given.url ?? "" } == TestSite.rssPaths.map { base + $0 })
                #expect(harvest.pages.allSatisfy { $0.article.given.date != nil })
                #expect(TestSite.rssPaths.allSatisfy { log.requests($0) == 1 })
            }
        }
    }

    @Test func followsAChainOfRedirects() async throws {
        try await withTestSite { base, port, _ in
            let response = try await Fetcher(settings: testSettings(port: port)).fetch(URL(string: "\(base)/redirect/1")!)
            #expect(response.status == 200)
            #expect(response.finalURL.absoluteString == "\(base)/page.html")
            #expect(response.url.absoluteString == "\(base)/redirect/1")
        }
    }

    @Test(arguments: [
        ("/loop/a", "the redirects loop"), ("/to-private", "10.1.2.3 is private"), ("/to-metadata", "link-local"),
    ])
    func refusesBadRedirects(path: String, reason: String) async throws {
        try await withTestSite { base, port, _ in
            do throws(FetchError) {
                _ = try await Fetcher(settings: testSettings(port: port)).fetch(URL(string: base + path)!)
                Issue.record("\(path) was fetched")
            } catch {
                #expect(error.reason.contains(reason), "\(error)")
            }
        }
    }

    @Test func stopsPastTheRedirectLimit() async throws {
        try await withTestSite { base, port, _ in
            var settings = testSettings(port: port)
            settings.maxRedirects = 1
            await #expect(throws: FetchError.tooManyRedirects("\(base)/redirect/1", limit: 1)) {
                try await Fetcher(settings: settings).fetch(URL(string: "\(base)/redirect/1")!)
            }
        }
    }

    @Test func refusesTheLocalServerUnlessPrivateIsAllowed() async throws {
        try await withTestSite { base, port, log in
            let fetcher = Fetcher(settings: testSettings(port: port, allowPrivate: false))
            await #expect(throws: FetchError.refused("\(base)/page.html", .address(.v4(0x7F00_0001), .loopback))) {
                try await fetcher.fetch(URL(string: "\(base)/page.html")!)
            }
            #expect(log.requests("/robots.txt") == 0)
        }
    }

    @Test func obeysRobotsTxt() async throws {
        try await withTestSite { base, port, log in
            let fetcher = Fetcher(settings: testSettings(port: port))
            await #expect(throws: FetchError.disallowedByRobots("\(base)/private/secret.html")) {
                try await fetcher.fetch(URL(string: "\(base)/private/secret.html")!)
            }
            _ = try await fetcher.fetch(URL(string: "\(base)/page.html")!)
            #expect(log.requests("/private/secret.html") == 0)
            #expect(log.requests("/robots.txt") == 1)
        }
    }

    @Test func stopsReadingPastTheSizeLimit() async throws {
        try await withTestSite { base, port, _ in
            var settings = testSettings(port: port)
            settings.maxBytes = 50_000
            await #expect(throws: FetchError.tooLarge("\(base)/huge", limit: 50_000)) {
                try await Fetcher(settings: settings).fetch(URL(string: "\(base)/huge")!)
            }
        }
    }

    @Test func givesUpOnASlowServer() async throws {
        try await withTestSite { base, port, _ in
            var settings = testSettings(port: port)
            settings.readTimeout = .seconds(1)
            settings.totalTimeout = .seconds(2)
            settings.obeysRobots = false
            let started = ContinuousClock.now
            await #expect(throws: FetchError.timedOut("\(base)/slow")) {
                try await Fetcher(settings: settings).fetch(URL(string: "\(base)/slow")!)
            }
            // Given up well before the server's answer, ten seconds on.
            #expect(ContinuousClock.now - started < .seconds(8))
        }
    }

    @Test func triesAgainAfterAServerError() async throws {
        try await withTestSite { base, port, log in
            let response = try await Fetcher(settings: testSettings(port: port)).fetch(URL(string: "\(base)/flaky")!)
            #expect(response.status == 200)
            #expect(log.requests("/flaky") == 2)
        }
    }

    @Test func reportsAServerThatStaysDown() async throws {
        try await withTestSite { base, port, log in
            var settings = testSettings(port: port)
            settings.retries = 0
            await #expect(throws: FetchError.status("\(base)/flaky", 503)) {
                try await Fetcher(settings: settings).fetch(URL(string: "\(base)/flaky")!)
            }
        }
    }

    @Test func asksConditionallyWithTheLastValidators() async throws {
        try await withTestSite { base, port, log in
            let fetcher = Fetcher(settings: testSettings(port: port))
            let first = try await fetcher.fetch(URL(string: "\(base)/etag-feed.xml")!)
            #expect(first.etag == "\"v1\"")
            let second = try await fetcher.fetch(first.url, validators: Validators(etag: first.etag, lastModified: first.lastModified))
            #expect(second.notModified && second.body.isEmpty)
            #expect(log.conditionalRequests("/etag-feed.xml") == 1)
        }
    }

    @Test(arguments: [
        ("120", Duration.seconds(120)), ("0", .zero), (" 5 ", .seconds(5)), ("soon", nil), ("-3", nil),
    ])
    func readsRetryAfter(value: String, wait: Duration?) {
        #expect(Fetcher.retryAfter(value) == wait)
    }
}
