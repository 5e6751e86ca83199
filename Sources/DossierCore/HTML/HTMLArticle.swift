import Foundation
import HTMLTree

/// A web page read into its article: the text a reader reads, the captions beside it, and the page's metadata.
///
/// ```swift
/// let page = try HTMLArticle(bytes: Array(html.utf8), source: "page.html")
/// print(page.metadata.title ?? "", page.text)
/// ```
public struct HTMLArticle: Sendable {
    /// The article's paragraphs, headings and list items, in order, without the headline.
    public var paragraphs: [String]
    /// Figure captions and photo credits.
    public var captions: [String]
    public var metadata: PageMetadata
    /// The character encoding the page was read in.
    public var encoding: String
    /// What was repaired while reading.
    public var diagnostics: [Diagnostic]

    /// Reads a page from its bytes, in the encoding its server sent (`charset`), else whatever it declares or uses.
    public init(
        bytes: [UInt8], source: String, charset: String? = nil, extractor: ArticleExtractor = ArticleExtractor()
    ) throws(InputError) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(source) }
        let (utf8, encoding, diagnostics) = try HTMLCharset.utf8(bytes, source: source, transportCharset: charset)
        guard Self.hasMarkup(utf8) else { throw .undecodable(source, "no HTML markup found: this is not a web page") }
        let page = HTMLParser.parse(utf8, attributes: Self.attributesRead, collapsingWhitespace: true)
        let metadata = PageMetadata(page: page)
        var (paragraphs, captions) = extractor.extract(page)
        if let title = metadata.title { paragraphs.removeAll { $0 == title } }
        guard !paragraphs.isEmpty else {
            throw .undecodable(source, "the page has no article text (it may be empty, truncated, or built by JavaScript)")
        }
        self.paragraphs = paragraphs
        self.captions = captions
        self.metadata = metadata
        self.encoding = encoding
        self.diagnostics = diagnostics
    }

    /// The attributes ``PageMetadata`` and ``ArticleExtractor`` read; the parser drops the others.
    static let attributesRead = AttributeFilter(
        keeping: [
            "class", "id", "role", "style", "hidden", "aria-hidden", "lang", "xml:lang", "name", "property", "itemprop", "http-equiv",
            "content", "rel", "datetime", "type",
        ],
        on: ["link": ["href"]])

    /// The body: paragraphs separated by blank lines.
    public var text: String { paragraphs.joined(separator: "\n\n") }

    /// What the page says about itself, for the pipeline; the title is always set, so the text is all body.
    public var given: GivenMetadata {
        GivenMetadata(
            title: metadata.title ?? "", date: metadata.date, dateSource: metadata.dateSource, url: metadata.url,
            author: metadata.author, outlet: metadata.outlet, language: metadata.language, captions: captions)
    }

    /// The article as the pipeline's input.
    public func rawArticle(source: String) -> RawArticle {
        RawArticle(source: source, text: text, given: given, diagnostics: diagnostics)
    }

    /// Whether bytes start like a web page (after a byte order mark and white space): a doctype,
    /// a comment, or one of the tags pages open with, as browsers sniff HTML.
    public static func looksLikeHTML(_ bytes: some Collection<UInt8>) -> Bool {
        var head = Array(bytes.prefix(1024))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            head = head.dropFirst(2).filter { $0 != 0 }
        }
        guard let start = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x0C) }),
            head[start] == 0x3C
        else { return false }
        let rest = String(decoding: head[(start + 1)...].prefix(16), as: UTF8.self).lowercased()
        if rest.hasPrefix("!doctype html") || rest.hasPrefix("!--") { return true }
        for tag in openingTags where rest.hasPrefix(tag) {
            let after = rest.dropFirst(tag.count).first
            if after == nil || after == " " || after == ">" || after == "\n" || after == "\t" || after == "\r" || after == "/" {
                return true
            }
        }
        return false
    }

    private static let openingTags = [
        "html", "head", "body", "meta", "title", "script", "style", "link", "iframe", "h1", "div", "font", "table", "a",
        "b", "br", "p", "article", "section", "main", "header",
    ]

    /// Whether the bytes have at least one tag.
    private static func hasMarkup(_ bytes: [UInt8]) -> Bool {
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: 0x3C) {
            let next = open + 1 < bytes.count ? bytes[open + 1] : 0
            if (next | 0x20 >= 0x61 && next | 0x20 <= 0x7A) || next == 0x21 { return true }
            index = open + 1
        }
        return false
    }

    /// Bytes as stored: gzip-compressed bytes decompressed (up to `limit`), others as they are.
    public static func decompressed(_ bytes: [UInt8], source: String, limit: Int) throws(InputError) -> (
        bytes: [UInt8], diagnostics: [Diagnostic]
    ) {
        guard Gzip.isCompressed(bytes) else { return (bytes, []) }
        do {
            let result = try Gzip.decompress(bytes, limit: limit)
            let note = result.complete ? [] : [Diagnostic("\(source): the compressed data ends early; read what could be decompressed")]
            return (result.bytes, note)
        } catch .tooLarge(let limit) {
            throw .tooLarge(source, size: limit + 1, limit: limit)
        } catch {
            throw .undecodable(source, "gzip data that cannot be decompressed")
        }
    }
}
