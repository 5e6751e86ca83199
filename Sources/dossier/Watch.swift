import ArgumentParser
import DossierCore
import DossierStore
import DossierWeb
import Foundation

/// `dossier watch`: polls feeds and sitemaps and ingests their new pages.
struct Watch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll feeds and sitemaps every so often and ingest the pages they list that are new.",
        discussion: """
            FEEDS is a file of URLs, one a line (RSS 2.0, Atom, sitemaps, news sitemaps, sitemap indexes, or pages); \
            blank lines and # comments are ignored. Each poll fetches every URL, follows the feeds to their pages, \
            and ingests the articles as `dossier ingest` does. What was fetched (final URL, status, time, ETag, \
            Last-Modified, content hash) is kept in the store: the next poll asks each feed whether it changed \
            (If-None-Match, If-Modified-Since), so an unchanged feed costs a 304 and stores nothing, and a page \
            stored already is not fetched again. A line on standard error sums up each poll; failures are reported \
            with their URL and the watch goes on. Stop it with Ctrl-C, or give --polls.

            \(WebOptions.guardHelp)

            Examples:
              dossier watch feeds.txt --store dossier.db                   every 15 minutes, until stopped
              dossier watch feeds.txt --store dossier.db --every 1h
              dossier watch feeds.txt --store dossier.db --polls 1         once, e.g. from cron
            """
    )

    @Argument(help: "A file of feed, sitemap or page URLs, one a line.")
    var feeds: String

    @OptionGroup var store: StoreOptions

    @Option(help: "Time from one poll's start to the next: 90s, 15m, 2h, or seconds.", transform: PollInterval.init(argument:))
    var every = PollInterval(seconds: 900)

    @Option(help: "Stop after this many polls (default: never).")
    var polls: Int?

    @OptionGroup var web: WebOptions
    @OptionGroup var reading: ReadingOptions

    func validate() throws {
        if let polls, polls <= 0 { throw ValidationError("--polls must be positive") }
    }

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: feeds, encoding: .utf8)
        } catch {
            throw ValidationError("\(feeds): cannot be read")
        }
        let urls: [URL]
        do {
            urls = try FeedList.urls(in: text, path: feeds)
        } catch {
            throw ValidationError("\(error)")
        }
        if urls.isEmpty { throw ValidationError("\(feeds) lists no URL") }
        let store = try store.open()
        let watcher = Watcher(
            harvester: Harvester(fetcher: Fetcher(settings: web.settings), intake: reading.intake, store: store),
            ingester: Ingester(store: store, reader: reading.reader(.standard()), jobs: ProcessInfo.processInfo.activeProcessorCount))
        try await watcher.watch(urls, every: every.duration, polls: polls, report: reportLine) { number, summary in
            reportLine("dossier: poll \(number): \(summary)")
        }
        try store.close()
    }
}

/// A time between polls: `90s`, `15m`, `2h`, `1d`, or a number of seconds.
struct PollInterval {
    var seconds: Int

    var duration: Duration { .seconds(seconds) }

    init(seconds: Int) { self.seconds = seconds }

    init(argument: String) throws {
        let units = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        var unit = 1
        if let last = text.last.map(String.init), let factor = units[last] {
            unit = factor
            text.removeLast()
        }
        guard let number = Int(text), number > 0, number <= 365 * 86400 / unit else {
            throw ValidationError("--every \(argument): give a time such as 90s, 15m, 2h or 1d")
        }
        seconds = number * unit
    }
}
