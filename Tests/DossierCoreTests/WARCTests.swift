import CZlib
import DossierCore
import Foundation
import HTMLTree
import Testing

/// Web archives written for the tests: pages plain, chunked and gzip-encoded, records that are no pages, and an archive
/// cut off in its last record, as a `.warc` and as a `.warc.gz` of one gzip member a record.
@Suite struct WARCTests {
    let intake = Intake()

    static func page(_ title: String, _ sentence: String) -> [UInt8] {
        Array("<html><head><title>\(title)</title></head><body><article><p>\(sentence)</p><p>\(sentence)</p></article></body></html>".utf8)
    }

    static func record(_ type: String, _ uri: String, _ block: [UInt8]) -> [UInt8] {
        let head =
            "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Target-URI: <\(uri)>\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
            + "Content-Length: \(block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func response(_ body: [UInt8], headers: String = "Content-Type: text/html; charset=utf-8", status: String = "200 OK")
        -> [UInt8]
    {
        Array("HTTP/1.1 \(status)\r\n\(headers)\r\n\r\n".utf8) + body
    }

    /// One gzip member of the bytes.
    static func gzipped(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count + 1024)
        input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                stream.next_in = input.baseAddress
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                _ = deflate(&stream, Z_FINISH)
            }
        }
        return Array(output[0..<Int(stream.total_out)])
    }

    /// The archive's records: its pages are the third, fourth, fifth and (cut off) last.
    static let records: [[UInt8]] = {
        let chunkedPage = page("A chunked page", "China accused Japan of provocations on Monday, the foreign ministry said.")
        let chunked =
            [chunkedPage[..<40], chunkedPage[40...]].flatMap { chunk in
                Array(String(chunk.count, radix: 16).utf8) + [0x0D, 0x0A] + chunk + [0x0D, 0x0A]
            } + Array("0\r\n\r\n".utf8)
        let cutOff = record(
            "response", "https://example.com/d", response(page("Cut off", "NATO warned Russia about the drills near the border on Friday."))
        )
        return [
            record("warcinfo", "", Array("software: test\r\n".utf8)),
            record("request", "https://example.com/a", Array("GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n".utf8)),
            record(
                "response", "https://example.com/a",
                response(page("Shoigu in Pyongyang", "Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday, KCNA said."))),
            record(
                "response", "https://example.com/b", response(chunked, headers: "Content-Type: text/html\r\nTransfer-Encoding: chunked")),
            record(
                "response", "https://example.com/c",
                response(
                    gzipped(page("A gzip page", "Iran threatened Israel with retaliation, state media reported on Tuesday.")),
                    headers: "Content-Type: text/html\r\nContent-Encoding: gzip")),
            record(
                "response", "https://example.com/logo.png",
                response([0x89, 0x50, 0x4E, 0x47] + Array(repeating: 0, count: 64), headers: "Content-Type: image/png")),
            record("response", "https://example.com/moved", response([], headers: "Location: /a", status: "301 Moved Permanently")),
            Array(cutOff.dropLast(120)),
        ]
    }()

    func archive(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-warc-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [false, true])
    func theArchivesPagesAreItsArticlesWithTheirURLsAndFetchDates(compressed: Bool) throws {
        let bytes = compressed ? Self.records.flatMap(Self.gzipped) : Self.records.flatMap { $0 }
        let path = try archive(bytes, compressed ? "crawl.warc.gz" : "crawl.warc")
        let units = intake.units(for: [path])
        let articles = try units.map { try intake.load($0) }
        #expect(articles.map(\.source) == [3, 4, 5, 8].map { "\(path)#\($0)" })
        #expect(articles.map(\.given.url) == ["a", "b", "c", "d"].map { "https://example.com/\($0)" })
        #expect(articles.map(\.given.title) == ["Shoigu in Pyongyang", "A chunked page", "A gzip page", "Cut off"])
        #expect(articles.allSatisfy { $0.given.date == "2024-03-05" && $0.given.dateSource == "warc" })
        #expect(articles[1].text.contains("China accused Japan of provocations"))
        #expect(articles[2].text.contains("Iran threatened Israel"))
        #expect(articles[0].diagnostics.isEmpty)
        #expect(articles[3].diagnostics.map(\.message) == ["\(path)#8: the archive ends inside this record; read what it holds"])
    }

    @Test func gzipMembersAreFoundWhereTheyWereWritten() throws {
        let members = Self.records.map(Self.gzipped)
        let path = try archive(members.flatMap { $0 }, "members.warc.gz")
        var reader = try GzipMembers(path: path)
        var found: [GzipMembers.Member] = []
        while let member = try reader.next(keeping: 10) { found.append(member) }
        #expect(found.map(\.length) == members.map(\.count))
        #expect(found.map(\.offset) == members.indices.map { i in members[..<i].reduce(0) { $0 + $1.count } })
        #expect(found.allSatisfy { $0.complete && $0.head == Array("WARC/1.1\r\n".utf8) })
    }

    @Test func aFileNamedAsAnArchiveThatIsNoneIsReportedByName() throws {
        let path = try archive(Array("just some text\n".utf8), "notes.warc")
        let units = intake.units(for: [path])
        #expect(units.count == 1)
        #expect(throws: InputError.badRecord("\(path)#1", "the archive ends inside a record's headers, or this is no WARC record")) {
            try intake.load(units[0])
        }
    }

    /// A page without a `<meta charset>`, in the encoding its server named: the header decides, as in a browser.
    @Test func theServersCharsetReadsAPageThatDeclaresNone() throws {
        let cyrillic =
            Array("<html><head><title>Moscow</title></head><body><article><p>".utf8)
            + [0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0] + Array(" denied the report on Monday, officials said.</p></article></body></html>".utf8)
        let path = try archive(
            Self.record(
                "response", "https://example.ru/a", Self.response(cyrillic, headers: "Content-Type: text/html; charset=windows-1251")),
            "cyrillic.warc")
        let article = try intake.load(intake.units(for: [path])[0])
        #expect(article.text.hasPrefix("Москва denied the report"))
    }
}
