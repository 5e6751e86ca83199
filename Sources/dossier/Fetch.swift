import ArgumentParser
import DossierCore
import DossierStore
import DossierWeb
import Foundation

/// `dossier fetch`: pages, feeds and sitemaps from the web, read as `extract` reads a page.
struct Fetch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch web pages (or feeds and sitemaps, followed to their pages) and read each as an article.",
        discussion: """
            Each URL is fetched once (fragments dropped, hosts lowercased, default ports dropped) and a body met \
            before under another URL is read no second time. A page is read as `dossier extract page.html` reads it \
            (the charset of the server's Content-Type first); an RSS 2.0, Atom, sitemap, news sitemap or sitemap \
            index is followed to the pages it lists. Without --ingest each article is printed as `extract --format \
            json` prints it; with --ingest it goes into the store with what was fetched (final URL, status, time, \
            ETag and Last-Modified), so that fetching it again asks the server whether it changed. A URL that fails \
            is reported on standard error with the reason, the others go on, and the exit status is 1.

            \(WebOptions.guardHelp)

            Examples:
              dossier fetch https://example.com/news/2024/03/05/story.html
              dossier fetch https://example.com/rss.xml --format jsonl > articles.jsonl
              dossier fetch https://example.com/sitemap-news.xml --ingest --store dossier.db
              dossier fetch http://127.0.0.1:8000/page.html --allow-private --allow-port 8000
            """
    )

    @Argument(help: "http(s) URLs of pages, feeds or sitemaps.")
    var urls: [String] = []

    @Flag(help: "Store the articles (and what was fetched) instead of printing them.")
    var ingest = false

    @OptionGroup var store: StoreOptions

    @Option(help: "Output without --ingest: json (one object, or one a line for several articles) or jsonl.")
    var format: Format = .json

    @OptionGroup var web: WebOptions
    @OptionGroup var reading: ReadingOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    func validate() throws {
        if urls.isEmpty { throw ValidationError("name at least one URL to fetch") }
        _ = try parsedURLs(urls)
    }

    func run() async throws {
        let targets = try parsedURLs(urls)
        let fetcher = Fetcher(settings: web.settings)
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        if ingest {
            let store = try store.open()
            let watcher = Watcher(
                harvester: Harvester(fetcher: fetcher, intake: reading.intake, store: store),
                ingester: Ingester(store: store, reader: reading.reader(.standard()), jobs: jobs))
            let summary = try await watcher.poll(targets, report: reportLine)
            try store.close()
            reportLine("dossier: \(summary)")
            if summary.failed > 0 { throw ExitCode(1) }
            return
        }
        let harvest = await Harvester(fetcher: fetcher, intake: reading.intake).harvest(targets)
        for failure in harvest.failures { reportLine("dossier: error: \(failure)") }
        let job = ExtractionJob(
            reader: reading.reader(.standard()), format: format == .json ? .json : .jsonl, single: harvest.pages.count == 1)
        let failed = BatchRunner(jobs: jobs).run(harvest.pages.map { InputUnit.loaded($0.article) }, job.process)
        if failed + harvest.failures.count > 0 {
            reportLine("dossier: \(harvest.failures.count + failed) URL(s) failed")
            throw ExitCode(1)
        }
    }
}
