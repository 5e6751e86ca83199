import Foundation
import XMLTree

/// A list of pages to read: an RSS 2.0 (or 1.0) feed, an Atom feed, a sitemap (Google news sitemaps included) or a
/// sitemap index, whose entries are sitemaps in turn.
///
/// ```swift
/// let feed = Feed(bytes: Array(xml.utf8), url: URL(string: "https://example.com/rss")!)
/// for entry in feed?.entries ?? [] { print(entry.url, entry.title ?? "", entry.published ?? "") }
/// ```
public struct Feed: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case rss, atom, sitemap
        /// A sitemap of sitemaps: each entry is a sitemap to read.
        case sitemapIndex = "sitemap index"
    }

    public var kind: Kind
    public var entries: [FeedEntry]

    /// A sitemap holds at most this many URLs (sitemaps.org); entries past it are left out.
    public static let maximumEntries = 50_000

    public init(kind: Kind, entries: [FeedEntry]) {
        self.kind = kind
        self.entries = entries
    }

    /// Reads a feed or sitemap, resolving relative links against `url`; nil when the bytes are neither. A broken feed
    /// gives the entries that can be read from it.
    public init?(bytes: [UInt8], url: URL) {
        guard let root = XMLReader.parse(bytes) else { return nil }
        let reader = EntryReader(base: url)
        switch root.name {
        case "rss":
            kind = .rss
            entries = (root.child("channel")?.children("item") ?? root.children("item")).compactMap(reader.rssItem)
        case "RDF":
            kind = .rss
            entries = root.children("item").compactMap(reader.rssItem)
        case "feed":
            kind = .atom
            entries = root.children("entry").compactMap(reader.atomEntry)
        case "urlset":
            kind = .sitemap
            entries = root.children("url").compactMap(reader.sitemapURL)
        case "sitemapindex":
            kind = .sitemapIndex
            entries = root.children("sitemap").compactMap(reader.sitemapURL)
        default:
            return nil
        }
        if entries.count > Self.maximumEntries { entries.removeLast(entries.count - Self.maximumEntries) }
    }
}

/// One page a feed lists: its address, and the title and date the feed gives it.
public struct FeedEntry: Sendable, Equatable {
    public var url: URL
    public var title: String?
    /// ISO 8601 (a day, or a time in UTC), when the feed gives a date that can be read.
    public var published: String?

    public init(url: URL, title: String? = nil, published: String? = nil) {
        self.url = url
        self.title = title
        self.published = published
    }
}

/// Reads entries from the elements of each kind of feed.
private struct EntryReader {
    let base: URL

    func rssItem(_ item: XMLTreeElement) -> FeedEntry? {
        let link = item.children("link").lazy.compactMap { $0.text.trimmed.isEmpty ? nil : $0.text.trimmed }.first
        let guid = item.child("guid").flatMap { $0.attributes["isPermaLink"] == "false" ? nil : $0.childlessText }
        guard let url = resolved(link ?? guid) else { return nil }
        let date = item.childText("pubDate") ?? item.childText("date") ?? item.childText("published")
        return FeedEntry(url: url, title: item.childText("title"), published: date.flatMap(InternetDate.normalized))
    }

    func atomEntry(_ entry: XMLTreeElement) -> FeedEntry? {
        let links = entry.children("link")
        let alternate =
            links.first {
                ($0.attributes["rel"] ?? "alternate") == "alternate" && ($0.attributes["type"].map { $0.contains("html") } ?? true)
            }
            ?? links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" }
        guard let url = resolved(alternate?.attributes["href"]) else { return nil }
        let date = entry.childText("published") ?? entry.childText("updated")
        return FeedEntry(url: url, title: entry.childText("title"), published: date.flatMap(InternetDate.normalized))
    }

    /// A sitemap's `<url>` or a sitemap index's `<sitemap>`, with a news sitemap's title and publication date.
    func sitemapURL(_ element: XMLTreeElement) -> FeedEntry? {
        guard let url = resolved(element.childText("loc")) else { return nil }
        let news = element.child("news")
        let date = news?.childText("publication_date") ?? element.childText("lastmod")
        return FeedEntry(url: url, title: news?.childText("title"), published: date.flatMap(InternetDate.normalized))
    }

    /// An http(s) URL from a link, relative ones resolved against the feed's address.
    private func resolved(_ link: String?) -> URL? {
        guard let link = link?.trimmed, !link.isEmpty, let url = URL(string: link, relativeTo: base)?.absoluteURL,
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return url
    }
}

extension XMLTreeElement {
    /// The element's own text, trimmed; nil when empty.
    fileprivate var childlessText: String? {
        let text = self.text.trimmed
        return text.isEmpty ? nil : text
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
