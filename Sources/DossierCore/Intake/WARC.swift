import Foundation
import HTMLTree

/// Web archives (WARC 1.0 and 1.1, as Common Crawl's CC-NEWS publishes its crawl): each `response` record that holds a
/// web page is an article, whose URL is the record's `WARC-Target-URI` and whose date, where the page gives none, is the
/// day of its `WARC-Date` (when it was fetched).
///
/// An archive is read twice, in constant memory: once to find its pages (``units(path:)``: a `.warc.gz`
/// compresses each record as a gzip member of its own, decompressed as far as the page's headers), then each page from
/// its place when it is extracted (``article(_:maxBytes:)``). Other records (requests, metadata, images, redirects) are
/// no articles and are passed over.
public enum WARC {
    /// Where one record lies in its archive.
    public struct Location: Sendable, Hashable {
        public var path: String
        /// The record's first byte in the file, and how many bytes it takes (compressed, in a `.warc.gz`).
        public var offset: Int
        public var length: Int
        public var compressed: Bool
        /// The record's place among the archive's records, from 1.
        public var number: Int

        /// How the record is named in messages and in the store: the archive and the record's number.
        public var source: String { "\(path)#\(number)" }
    }

    /// The bytes of a record's head read to decide whether it is a page: its WARC and HTTP headers.
    static let headBytes = 65_536

    /// Whether a file name is an archive's.
    public static func isArchive(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".warc") || name.hasSuffix(".warc.gz")
    }

    /// The archive's pages, in order; a record cut off before its headers end is a failed unit.
    public static func units(path: String) -> [InputUnit] {
        do {
            let compressed = try isGzip(path)
            return compressed ? try compressedUnits(path) : try plainUnits(path)
        } catch {
            return [.failed(error)]
        }
    }

    private static func isGzip(_ path: String) throws(InputError) -> Bool {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw FileManager.default.fileExists(atPath: path) ? .unreadable(path, "permission denied") : .missing(path)
        }
        defer { try? file.close() }
        let magic = (try? file.read(upToCount: 2)) ?? Data()
        if magic.isEmpty { throw .empty(path) }
        return magic.starts(with: [0x1F, 0x8B])
    }

    private static func compressedUnits(_ path: String) throws(InputError) -> [InputUnit] {
        var members: GzipMembers
        do {
            members = try GzipMembers(path: path)
        } catch {
            throw .unreadable(path, "\(error)")
        }
        var units: [InputUnit] = []
        var number = 0
        while true {
            let member: GzipMembers.Member?
            do {
                member = try members.next(keeping: headBytes)
            } catch .notGzip(let offset) {
                units.append(.failed(.badRecord("\(path)#\(number + 1)", "no gzip member at byte \(offset)")))
                break
            } catch {
                units.append(.failed(.unreadable(path, "\(error)")))
                break
            }
            guard let member else { break }
            number += 1
            let location = Location(path: path, offset: member.offset, length: member.length, compressed: true, number: number)
            if let unit = unit(location, record: Record(head: member.head[...]), head: member.head[...]) { units.append(unit) }
        }
        return units
    }

    private static func plainUnits(_ path: String) throws(InputError) -> [InputUnit] {
        guard let file = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, "permission denied") }
        defer { try? file.close() }
        var units: [InputUnit] = []
        var offset = 0
        var number = 0
        while true {
            try? file.seek(toOffset: UInt64(offset))
            let head = [UInt8]((try? file.read(upToCount: headBytes)) ?? Data())
            guard let start = head.firstIndex(where: { !($0 == 0x0D || $0 == 0x0A) }) else { break }
            number += 1
            let record = Record(head: head[start...])
            let length = record.map { $0.blockStart + $0.contentLength } ?? 0
            let location = Location(path: path, offset: offset + start, length: length, compressed: false, number: number)
            if let unit = unit(location, record: record, head: head[start...]) { units.append(unit) }
            guard record != nil else { break }
            offset += start + length
        }
        return units
    }

    /// A page's unit, or a failed one where no record's headers could be read; nil for any other record.
    private static func unit(_ location: Location, record: Record?, head: ArraySlice<UInt8>) -> InputUnit? {
        guard let record else {
            return .failed(.badRecord(location.source, "the archive ends inside a record's headers, or this is no WARC record"))
        }
        return record.isPage(head) ? .archived(location) : nil
    }

    /// The article of a page's record.
    public static func article(_ location: Location, maxBytes: Int) throws(InputError) -> RawArticle {
        let source = location.source
        guard let file = FileHandle(forReadingAtPath: location.path) else { throw .unreadable(location.path, "cannot be opened") }
        defer { try? file.close() }
        if location.length > maxBytes { throw .tooLarge(source, size: location.length, limit: maxBytes) }
        try? file.seek(toOffset: UInt64(location.offset))
        var bytes = [UInt8]((try? file.read(upToCount: location.length)) ?? Data())
        var diagnostics: [Diagnostic] = []
        if location.compressed {
            do {
                let result = try Gzip.decompress(bytes, limit: maxBytes)
                bytes = result.bytes
                if !result.complete { diagnostics.append(Diagnostic("\(source): the archive ends inside this record; read what it holds")) }
            } catch {
                throw .undecodable(source, "the record's compressed data cannot be read")
            }
        }
        guard let record = Record(head: bytes[...]) else { throw .badRecord(source, "no WARC record here") }
        let blockEnd = min(bytes.count, record.blockStart + record.contentLength)
        if blockEnd < record.blockStart + record.contentLength, diagnostics.isEmpty {
            diagnostics.append(Diagnostic("\(source): the archive ends inside this record; read what it holds"))
        }
        guard let response = HTTPResponse(bytes[record.blockStart..<blockEnd]) else {
            throw .badRecord(source, "the record holds no HTTP response")
        }
        let page = try HTMLArticle(bytes: try response.body(source: source, limit: maxBytes), source: source, charset: response.charset)
        var article = page.rawArticle(source: source)
        article.given.url = record.targetURI ?? article.given.url
        if article.given.date == nil, let fetched = record.date?.prefix(10), fetched.count == 10 {
            article.given.date = String(fetched)
            article.given.dateSource = "warc"
        }
        article.diagnostics.insert(contentsOf: diagnostics, at: 0)
        return article
    }

    /// A record's WARC headers.
    struct Record {
        /// Header names lowercased.
        var fields: [String: String]
        /// Where the record's block (its content) starts, after the blank line that ends the headers.
        var blockStart: Int
        var contentLength: Int

        /// Reads the headers at the start of `head`; nil when they are not a WARC record's or do not end within it.
        init?(head: ArraySlice<UInt8>) {
            guard head.starts(with: Array("WARC/".utf8)), let (fields, end) = parseHeaders(head),
                let length = fields["content-length"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), length >= 0
            else { return nil }
            self.fields = fields
            self.blockStart = end - head.startIndex
            self.contentLength = length
        }

        var targetURI: String? { fields["warc-target-uri"].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) } }
        var date: String? { fields["warc-date"] }

        /// Whether the record, whose first bytes are `head`, is a successful HTTP response with a web page.
        func isPage(_ head: ArraySlice<UInt8>) -> Bool {
            guard fields["warc-type"]?.lowercased() == "response", blockStart <= head.count,
                let response = HTTPResponse(head[(head.startIndex + blockStart)...]), (200..<300).contains(response.status)
            else { return false }
            guard let type = response.fields["content-type"]?.lowercased() else { return true }
            return type.contains("html")
        }
    }

    /// An HTTP response: its status, headers and body.
    struct HTTPResponse {
        var status: Int
        var fields: [String: String]
        var body: ArraySlice<UInt8>

        init?(_ block: ArraySlice<UInt8>) {
            guard block.starts(with: Array("HTTP/".utf8)), let (fields, end) = parseHeaders(block),
                let lineEnd = block.firstIndex(of: 0x0A)
            else { return nil }
            let statusLine = String(decoding: block[block.startIndex..<lineEnd], as: UTF8.self).split(separator: " ")
            guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
            self.status = status
            self.fields = fields
            self.body = block[end...]
        }

        /// The charset the `Content-Type` header names ("text/html; charset=ISO-8859-1").
        var charset: String? { HTMLCharset.fromContentType(fields["content-type"]) }

        /// The body as the server meant it: de-chunked and decompressed.
        func body(source: String, limit: Int) throws(InputError) -> [UInt8] {
            var bytes = Array(body)
            if fields["transfer-encoding"]?.lowercased().contains("chunked") == true { bytes = Self.dechunked(bytes) }
            switch fields["content-encoding"]?.lowercased().trimmingCharacters(in: .whitespaces) {
            case nil, "", "identity":
                return bytes
            case "gzip", "x-gzip", "deflate":
                do {
                    return try Gzip.decompress(bytes, limit: limit).bytes
                } catch {
                    throw .undecodable(source, "the page's gzip content encoding cannot be read")
                }
            case let other?:
                throw .undecodable(source, "the page's content encoding '\(other)' is not supported")
            }
        }

        /// The body of a chunked transfer: each chunk's size in hexadecimal on a line, then its bytes; a cut-off chunk
        /// gives what it holds.
        static func dechunked(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            var index = 0
            while index < bytes.count, let lineEnd = bytes[index...].firstIndex(of: 0x0A) {
                let line = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                guard let size = Int(line.split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "", radix: 16),
                    size > 0
                else { break }
                let start = lineEnd + 1
                let end = min(bytes.count, start + size)
                out.append(contentsOf: bytes[start..<end])
                index = end + 2
            }
            return out
        }
    }

    /// Header lines up to the blank line that ends them: the fields by lowercased name, and where the blank line ends.
    /// The first line (WARC's version, HTTP's status) is skipped.
    static func parseHeaders(_ bytes: ArraySlice<UInt8>) -> ([String: String], Int)? {
        var fields: [String: String] = [:]
        guard var index = bytes.firstIndex(of: 0x0A).map({ $0 + 1 }) else { return nil }
        while index < bytes.endIndex {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            var line = bytes[index..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            index = lineEnd + 1
            if line.isEmpty { return (fields, index) }
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            fields[name] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
