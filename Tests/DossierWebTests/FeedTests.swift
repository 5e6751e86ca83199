import Foundation
import Testing
import XMLTree

@testable import DossierWeb

@Suite struct FeedTests {
    static let base = URL(string: "https://news.example/feeds/main.xml")!

    static func feed(_ text: String) -> Feed? { Feed(bytes: Array(text.utf8), url: base) }

    @Test func readsRSSWithCDATAAndRelativeLinks() throws {
        let feed = try #require(
            Self.feed(
                """
                <?xml version="1.0"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>News</title>
                <atom:link href="https://news.example/feeds/main.xml" rel="self"/>
                <item><title><![CDATA[Talks <b>resume</b> & go on]]></title>
                <link>https://news.example/2024/talks.html</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
                <item><title>Relative</title><link>../story/2.html</link><pubDate>Wed, 6 Mar 2024 11:30:00 +0100</pubDate></item>
                <item><title>By guid</title><guid>https://news.example/guid/3</guid></item>
                <item><title>No link</title><guid isPermaLink="false">tag:3</guid></item>
                </channel></rss>
                """))
        #expect(feed.kind == .rss)
        #expect(
            feed.entries == [
                FeedEntry(
                    url: URL(string: "https://news.example/2024/talks.html")!, title: "Talks <b>resume</b> & go on",
                    published: "2024-03-05T10:00:00Z"),
                FeedEntry(url: URL(string: "https://news.example/story/2.html")!, title: "Relative", published: "2024-03-06T10:30:00Z"),
                FeedEntry(url: URL(string: "https://news.example/guid/3")!, title: "By guid"),
            ])
    }

    @Test func readsAtomAlternateLinks() throws {
        let feed = try #require(
            Self.feed(
                """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>
                <entry><title>First</title><link rel="self" href="https://news.example/self/1"/>
                <link rel="alternate" type="text/html" href="https://news.example/a/1"/>
                <updated>2024-03-07T09:00:00+01:00</updated></entry>
                <entry><title>Second</title><link href="/a/2"/><published>2024-03-08T00:00:00Z</published></entry>
                </feed>
                """))
        #expect(feed.kind == .atom)
        #expect(feed.entries.map(\.url.absoluteString) == ["https://news.example/a/1", "https://news.example/a/2"])
        #expect(feed.entries.map(\.published) == ["2024-03-07T08:00:00Z", "2024-03-08T00:00:00Z"])
    }

    @Test func readsSitemapIndexesAndNewsSitemaps() throws {
        let index = try #require(
            Self.feed(
                """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://news.example/sitemap-1.xml</loc><lastmod>2024-03-01</lastmod></sitemap>
                <sitemap><loc>https://news.example/sitemap-2.xml.gz</loc></sitemap></sitemapindex>
                """))
        #expect(index.kind == .sitemapIndex)
        #expect(index.entries.count == 2)
        let news = try #require(
            Self.feed(
                """
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://news.example/2024/03/05/talks.html</loc>
                <news:news><news:publication><news:name>News</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2024-03-05T10:00:00+00:00</news:publication_date><news:title>Talks resume</news:title></news:news></url>
                <url><loc>https://news.example/about.html</loc><lastmod>2024-01-02</lastmod></url>
                </urlset>
                """))
        #expect(news.kind == .sitemap)
        #expect(
            news.entries == [
                FeedEntry(
                    url: URL(string: "https://news.example/2024/03/05/talks.html")!, title: "Talks resume",
                    published: "2024-03-05T10:00:00Z"),
                FeedEntry(url: URL(string: "https://news.example/about.html")!, published: "2024-01-02"),
            ])
    }

    @Test func readsBrokenFeedsAsFarAsTheyGo() throws {
        let feed = try #require(
            Self.feed(
                """
                <rss><channel><item><title>Fine & dandy</title><link>https://news.example/1</link></item>
                <item><title>Cut off<link>https://news.example/2</link>
                """))
        #expect(feed.entries.first?.url.absoluteString == "https://news.example/1")
        #expect(Self.feed("not xml at all") == nil)
        #expect(Self.feed("<html><body><p>a page</p></body></html>") == nil)
        #expect(Self.feed("") == nil)
        #expect(Self.feed("<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>")?.entries == [])
    }

    @Test func expandsNoExternalOrRecursiveEntities() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <rss><channel><item><title>&secret;</title><link>https://news.example/1</link></item></channel></rss>
            """
        let feed = try #require(Self.feed(xxe))
        #expect(feed.entries.first?.title == nil)
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a0 \"lol\">"
        for level in 1...12 { laughs += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        laughs += "]><rss><channel><item><title>&a12;</title><link>https://news.example/1</link></item></channel></rss>"
        let started = ContinuousClock.now
        _ = Self.feed(laughs)
        // Expanded, the entities would make 10^12 words: seconds on a busy machine mean they were not.
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func survivesDeepNesting() {
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        #expect(Self.feed("<rss><channel>" + deep + "</channel></rss>")?.entries == [])
        #expect(XMLReader.parse(Array(deep.utf8)) != nil)
    }
}
