import Foundation
import HTMLTree

/// What a page's markup says about its article: headline, date, author, outlet, address, language.
public struct PageMetadata: Sendable, Hashable {
    public var title: String?
    /// The publication date, `yyyy-mm-dd`.
    public var date: String?
    /// Where the date came from: `json-ld`, `meta`, `time`, `url` or `text` (what the page shows).
    public var dateSource: String?
    public var author: String?
    public var outlet: String?
    /// The canonical address.
    public var url: String?
    public var language: String?

    public init() {}

    /// Reads the metadata of a parsed page.
    public init(page: HTMLDocument) {
        let tags = MetaTags(page: page)
        let linkedData = LinkedData(page: page)
        outlet = tags["og:site_name"] ?? linkedData.publisher ?? tags["application-name"]
        url = tags.canonical ?? tags["og:url"] ?? linkedData.url
        language = tags.language.map(Self.languageCode)
        title = Self.headline(tags: tags, linkedData: linkedData, page: page, outlet: outlet)
        author = linkedData.author ?? Self.person(tags["author"]) ?? Self.person(tags["article:author"]) ?? tags.authorLink
        let dated: [(String?, String)] = [
            (linkedData.datePublished, "json-ld"),
            (Self.dateKeys.lazy.compactMap { tags[$0] }.first, "meta"),
            (tags.firstTime, "time"),
            (url.flatMap(Self.dateInAddress), "url"),
            (tags.visibleDate, "text"),
        ]
        for (value, source) in dated {
            if let day = value.flatMap(DateText.isoDay) {
                date = day
                dateSource = source
                break
            }
        }
    }

    /// The `<meta>` names and properties that carry the publication date, best first.
    private static let dateKeys = [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date",
        "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "dcterms.created",
    ]

    /// The headline: `og:title`, or the `<h1>` the `<title>` contains, or the `<title>` without the site's name.
    private static func headline(tags: MetaTags, linkedData: LinkedData, page: HTMLDocument, outlet: String?) -> String? {
        let documentTitle = tags.documentTitle.map { withoutSiteName($0, outlet: outlet) }
        let candidates = [tags["og:title"], tags["twitter:title"], linkedData.headline].compactMap { $0 }
        if let first = candidates.first { return withoutSiteName(first, outlet: outlet) }
        if let heading = page.elements(.h1).lazy.map({ Self.collapsed(page.textContent(of: $0)) }).first(where: { !$0.isEmpty }),
            documentTitle == nil || documentTitle!.contains(heading) || heading.count > 20
        {
            return heading
        }
        return documentTitle
    }

    /// A title without a trailing (or leading) site name: "Kim meets Shoigu | The Korea Herald".
    static func withoutSiteName(_ title: String, outlet: String?) -> String {
        let text = collapsed(title)
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "] {
            let parts = pieces(of: text, separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let last = parts[parts.count - 1]
            let first = parts[0]
            if let outlet, first.caseInsensitiveCompare(outlet) == .orderedSame {
                return parts.dropFirst().joined(separator: separator)
            }
            if (outlet.map { last.caseInsensitiveCompare($0) == .orderedSame } ?? false) || last.split(separator: " ").count <= 4 {
                return parts.dropLast().joined(separator: separator)
            }
        }
        return text
    }

    /// The text's pieces between occurrences of `separator`, as `components(separatedBy:)` cuts them.
    private static func pieces(of text: String, separatedBy separator: String) -> [String] {
        let bytes = Array(text.utf8)
        let separator = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index + separator.count <= bytes.count {
            if bytes[index] == separator[0] && bytes[index..<(index + separator.count)].elementsEqual(separator) {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += separator.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// The text without white space (Unicode's, as `CharacterSet.whitespacesAndNewlines`) at either end.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex { !isWhitespace($0) }!
        return first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) ? text : String(scalars[first...last])
    }

    /// The words of a text, one space between each.
    static func collapsed(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var spaceDue = false
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                spaceDue = !result.isEmpty
                continue
            }
            if spaceDue { result.append(" ") }
            spaceDue = false
            result.append(scalar)
        }
        return String(result)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// A person's name, not an address.
    private static func person(_ value: String?) -> String? {
        guard let value, !value.isEmpty, !value.hasPrefix("http"), !value.contains("/") else { return nil }
        return collapsed(value)
    }

    /// `en`, `en-GB`: a language tag with its region in capitals.
    static func languageCode(_ tag: String) -> String {
        let parts = tag.replacingOccurrences(of: "_", with: "-").split(separator: "-")
        guard let primary = parts.first else { return tag }
        return ([primary.lowercased()] + parts.dropFirst().map { $0.count == 2 ? $0.uppercased() : String($0) }).joined(separator: "-")
    }

    /// The date in an address like `/2019/11/19/` or `/2019-11-19-`.
    static func dateInAddress(_ address: String) -> String? {
        let bytes = Array(address.utf8)
        func number(_ at: Int, _ length: Int) -> Int? {
            guard at + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[at..<(at + length)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        var index = 0
        while index + 10 <= bytes.count {
            if bytes[index] == 0x2F || bytes[index] == 0x2D || bytes[index] == 0x5F, let year = number(index + 1, 4),
                (1990...2100).contains(year)
            {
                let separator = index + 5 < bytes.count ? bytes[index + 5] : 0
                if separator == 0x2F || separator == 0x2D, let month = number(index + 6, 2), (1...12).contains(month),
                    index + 8 < bytes.count, bytes[index + 8] == separator, let day = number(index + 9, 2), (1...31).contains(day)
                {
                    return String(format: "%04d-%02d-%02d", year, month, day)
                }
            }
            index += 1
        }
        return nil
    }
}

/// The `<meta>`, `<link>`, `<title>`, `<time>` and `<html lang>` facts of a page.
private struct MetaTags {
    var values: [String: String] = [:]
    var canonical: String?
    var documentTitle: String?
    var language: String?
    var firstTime: String?
    /// The first date a reader sees: the text of a `<time>` with no `datetime`, or of an element whose class or id
    /// marks a date (``PageDateWords``), `yyyy-mm-dd`.
    var visibleDate: String?
    var authorLink: String?

    init(page: HTMLDocument) {
        for index in page.nodes.indices where page.nodes[index].kind == .element {
            switch page.nodes[index].tag {
            case .meta:
                let key =
                    (page.attribute("property", of: index) ?? page.attribute("name", of: index)
                    ?? page.attribute("itemprop", of: index) ?? page.attribute("http-equiv", of: index))?.lowercased()
                if let key, let content = page.attribute("content", of: index).map(PageMetadata.trimmed),
                    !content.isEmpty, values[key] == nil
                {
                    values[key] = content
                }
            case .link:
                let relation = page.attribute("rel", of: index)?.lowercased()
                if relation == "canonical", canonical == nil, let address = page.attribute("href", of: index), address.hasPrefix("http") {
                    canonical = address
                }
            case .title where documentTitle == nil:
                documentTitle = page.textContent(of: index)
            case .html where language == nil:
                language = page.attribute("lang", of: index) ?? page.attribute("xml:lang", of: index)
            case .time:
                let stamp = page.attribute("datetime", of: index)
                if firstTime == nil { firstTime = stamp }
                if stamp == nil { readVisibleDate(index, page) }
            case .a where authorLink == nil:
                if page.attribute("rel", of: index)?.lowercased() == "author" {
                    let name = PageMetadata.collapsed(page.textContent(of: index))
                    if !name.isEmpty { authorLink = name }
                }
            default:
                if page.nodes[index].tag != .time, page.attribute("itemprop", of: index) == "datePublished", values["datepublished"] == nil
                {
                    values["datepublished"] = page.attribute("datetime", of: index) ?? page.attribute("content", of: index)
                }
                if visibleDate == nil, Self.marksDate(index, page) { readVisibleDate(index, page) }
            }
        }
        if language == nil { language = values["content-language"] ?? values["og:locale"] }
        if let empty = language, empty.isEmpty { language = nil }
    }

    subscript(key: String) -> String? { values[key] }

    /// Takes the date an element's short text states, if none was taken before.
    private mutating func readVisibleDate(_ index: Int, _ page: HTMLDocument) {
        guard visibleDate == nil else { return }
        let text = page.textContent(of: index)
        if text.utf8.count <= 160 { visibleDate = DateText.isoDay(text) }
    }

    /// Whether an element's class or id marks it as holding a date.
    private static func marksDate(_ index: Int, _ page: HTMLDocument) -> Bool {
        let names = [page.attribute("class", of: index), page.attribute("id", of: index)].compactMap { $0 }.joined(separator: " ")
        return !names.isEmpty && PageDateWords.standard.marksDate(classes: names)
    }
}

/// The schema.org facts of a page's JSON-LD scripts (`NewsArticle`, `Article`, ...).
private struct LinkedData {
    var datePublished: String?
    var headline: String?
    var author: String?
    var publisher: String?
    var url: String?

    init(page: HTMLDocument) {
        for script in page.elements(.script) {
            guard let type = page.attribute("type", of: script)?.lowercased(), type.firstRange(of: "ld+json") != nil else { continue }
            let text = page.textContent(of: script)
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
                continue
            }
            visit(object)
        }
    }

    private mutating func visit(_ value: Any) {
        if let list = value as? [Any] {
            for item in list { visit(item) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if let graph = object["@graph"] { visit(graph) }
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        guard types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "WebPage" }) else {
            return
        }
        let isArticle = !types.contains("WebPage")
        if datePublished == nil || isArticle, let date = object["datePublished"] as? String {
            datePublished = datePublished == nil || isArticle ? date : datePublished
        }
        if headline == nil, isArticle, let text = object["headline"] as? String { headline = text }
        if author == nil, let names = Self.names(object["author"]), !names.isEmpty { author = names.joined(separator: ", ") }
        if publisher == nil, let name = Self.names(object["publisher"])?.first { publisher = name }
        if url == nil, isArticle, let address = object["url"] as? String, address.hasPrefix("http") { url = address }
    }

    /// The names in a person or organization value: a string, an object with `name`, or a list of them.
    private static func names(_ value: Any?) -> [String]? {
        if let name = value as? String { return name.hasPrefix("http") ? nil : [PageMetadata.collapsed(name)] }
        if let object = value as? [String: Any] { return (object["name"] as? String).map { [PageMetadata.collapsed($0)] } }
        if let list = value as? [Any] { return list.compactMap { names($0)?.first } }
        return nil
    }
}

/// Reads the dates pages give: ISO 8601 (`2019-11-19T10:00:00Z`), `2019/11/19`, `20191119`,
/// `19 November 2019`, `November 19, 2019`, `Tue, 19 Nov 2019 10:00:00 GMT`; in visible text also `19.11.2019` and
/// month names of other languages (`19. November 2019`, `19 novembre 2019`, `19 de noviembre de 2019`, `19 ноября
/// 2019`: ``PageDateWords``).
enum DateText {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The day a date text names, as `yyyy-mm-dd`.
    static func isoDay(_ text: String) -> String? {
        let trimmed = PageMetadata.trimmed(text)
        let digits = Array(trimmed.utf8.prefix(10))
        if digits.count >= 8, let year = number(digits[0..<4]) {
            if digits.count >= 10, digits[4] == digits[7], digits[4] == 0x2D || digits[4] == 0x2F,
                let month = number(digits[5..<7]), let day = number(digits[8..<10])
            {
                return formatted(year, month, day)
            }
            if let month = number(digits[4..<6]), let day = number(digits[6..<8]) { return formatted(year, month, day) }
        }
        if let day = dottedDay(Array(trimmed.utf8)) { return day }
        let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var year: Int?
        var month: Int?
        var dayOfMonth: Int?
        for word in words {
            if let value = Int(word) {
                if word.count == 4 && year == nil {
                    year = value
                } else if word.count <= 2 && dayOfMonth == nil && (1...31).contains(value) {
                    dayOfMonth = value
                }
            } else if month == nil, let named = PageDateWords.standard.month(word) {
                month = named
            } else if month == nil, word.count >= 3, let index = months.firstIndex(of: String(word.prefix(3))) {
                month = index + 1
            }
        }
        guard let year, let month, let dayOfMonth else { return nil }
        return formatted(year, month, dayOfMonth)
    }

    /// The first `d.m.yyyy` in a text ("am 05.12.2026 um 10:30"), day first as Europe writes it.
    static func dottedDay(_ bytes: [UInt8]) -> String? {
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        /// The length of the run of digits at `i`.
        func run(_ i: Int) -> Int {
            var j = i
            while isDigit(j) { j += 1 }
            return j - i
        }
        // Not within a word or a version number ("v1.2.2026").
        func isLetter(_ i: Int) -> Bool { i >= 0 && (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A }
        for i in bytes.indices where isDigit(i) && !isDigit(i - 1) && !isLetter(i - 1) && (i == 0 || bytes[i - 1] != 0x2E) {
            let dayLength = run(i)
            let monthStart = i + dayLength + 1
            guard (1...2).contains(dayLength), monthStart < bytes.count, bytes[monthStart - 1] == 0x2E else { continue }
            let monthLength = run(monthStart)
            let yearStart = monthStart + monthLength + 1
            guard (1...2).contains(monthLength), yearStart < bytes.count, bytes[yearStart - 1] == 0x2E, run(yearStart) == 4,
                let day = number(bytes[i..<(i + dayLength)]), let month = number(bytes[monthStart..<(monthStart + monthLength)]),
                let year = number(bytes[yearStart..<(yearStart + 4)])
            else { continue }
            return formatted(year, month, day)
        }
        return nil
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func formatted(_ year: Int, _ month: Int, _ day: Int) -> String? {
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1900...2100).contains(year), (1...12).contains(month), (1...days[month - 1]).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
