import Crypto
import DossierCore
import DossierStore
import Foundation

/// Fetches URLs of pages, feeds and sitemaps, follows feeds to their pages, and reads each page into an article through
/// the same reader `dossier extract` uses (``Intake/article(_:source:charset:)``, the server's charset first).
///
/// A harvest fetches each URL once (in its ``Foundation/URL/canonical`` form) and reads a body met before under another
/// URL no second time. With a store, a URL fetched before is asked for conditionally (its ETag and Last-Modified), and
/// a feed entry whose page is stored already is not fetched again.
///
/// ```swift
/// let harvester = Harvester(fetcher: Fetcher(), intake: Intake(), store: try Store.open("dossier.db"))
/// let harvest = await harvester.harvest([URL(string: "https://example.com/rss")!])
/// for page in harvest.pages { print(page.article.given.title ?? "", page.fetch.finalURL) }
/// ```
public struct Harvester: Sendable {
    public let fetcher: Fetcher
    public let intake: Intake
    public let store: Store?
    /// How deep feeds lead: a sitemap index (1) lists sitemaps (2) that list pages (3).
    public var maximumDepth = 3

    public init(fetcher: Fetcher, intake: Intake, store: Store? = nil) {
        self.fetcher = fetcher
        self.intake = intake
        self.store = store
    }

    /// Fetches the URLs and the pages their feeds list.
    public func harvest(_ urls: [URL]) async -> Harvest {
        var run = Run()
        for url in urls { await visit(url, entry: nil, depth: 1, run: &run) }
        return run.harvest
    }

    /// What a harvest has seen so far.
    private struct Run {
        var harvest = Harvest()
        var seenURLs: Set<String> = []
        var seenBodies: Set<String> = []
    }

    private func visit(_ url: URL, entry: FeedEntry?, depth: Int, run: inout Run) async {
        guard let canonical = url.canonical else {
            run.harvest.failures.append(HarvestFailure(url: url.absoluteString, reason: FetchError.badURL(url.absoluteString).reason))
            return
        }
        let key = canonical.absoluteString
        guard run.seenURLs.insert(key).inserted else { return }
        do {
            let previous = try store?.fetchRecords(for: [key])[key]
            if entry != nil, previous?.articleHash != nil {
                run.harvest.skipped += 1
                return
            }
            let response = try await fetcher.fetch(
                canonical, validators: Validators(etag: previous?.etag, lastModified: previous?.lastModified))
            try await read(response, key: key, previous: previous, entry: entry, depth: depth, run: &run)
        } catch let error as FetchError {
            run.harvest.failures.append(HarvestFailure(url: key, reason: error.reason))
        } catch {
            run.harvest.failures.append(HarvestFailure(url: key, reason: "\(error)"))
        }
    }

    /// Reads what a fetch brought: nothing for a 304 or a body seen before, a feed's entries, or a page's article.
    private func read(
        _ response: FetchResponse, key: String, previous: FetchRecord?, entry: FeedEntry?, depth: Int, run: inout Run
    ) async throws {
        var record = FetchRecord(
            url: key, finalURL: response.finalURL.absoluteString, status: response.status,
            fetchedAt: InternetDate.iso(response.fetchedAt), etag: response.etag ?? previous?.etag,
            lastModified: response.lastModified ?? previous?.lastModified, servedAt: response.date)
        if response.notModified {
            record.contentHash = previous?.contentHash
            record.articleHash = previous?.articleHash
            run.harvest.fetches.append(record)
            run.harvest.unchanged += 1
            return
        }
        let hash = SHA256.hash(data: response.body).map { String(format: "%02x", $0) }.joined()
        record.contentHash = hash
        guard run.seenBodies.insert(hash).inserted else {
            run.harvest.fetches.append(record)
            run.harvest.skipped += 1
            return
        }
        let source = response.finalURL.absoluteString
        if let feed = try feed(response) {
            run.harvest.fetches.append(record)
            guard depth < maximumDepth else { return }
            for next in feed.entries {
                await visit(next.url, entry: feed.kind == .sitemapIndex ? nil : next, depth: depth + 1, run: &run)
            }
            return
        }
        var article = try intake.article(Data(response.body), source: source, charset: response.charset)
        article.given.url = source
        if article.given.date == nil, let published = entry?.published {
            article.given.date = String(published.prefix(10))
            article.given.dateSource = "feed"
        }
        if article.given.title?.isEmpty ?? true, let title = entry?.title { article.given.title = title }
        record.articleHash = ArticleRecord.hash(of: article.text)
        run.harvest.fetches.append(record)
        run.harvest.pages.append(HarvestedPage(article: article, fetch: record))
    }

    /// The feed or sitemap a response holds (gzip-compressed or not), or nil for a page.
    private func feed(_ response: FetchResponse) throws -> Feed? {
        let (bytes, _) = try HTMLArticle.decompressed(response.body, source: response.finalURL.absoluteString, limit: intake.maxBytes)
        if HTMLArticle.looksLikeHTML(bytes) { return nil }
        return Feed(bytes: bytes, url: response.finalURL)
    }
}
