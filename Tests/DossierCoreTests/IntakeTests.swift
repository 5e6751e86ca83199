import DossierCore
import Foundation
import Testing

@Suite struct IntakeTests {
    let intake = Intake(maxBytes: 1000)

    /// A fresh folder for a test's files.
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ data: Data, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test func aMissingFileIsNamed() throws {
        let units = intake.units(for: ["/no/such/report.txt"])
        #expect(throws: InputError.missing("/no/such/report.txt")) { try intake.load(units[0]) }
        #expect(InputError.missing("a.txt").description == "a.txt: no such file or folder")
    }

    @Test func anEmptyFileIsRefused() throws {
        let path = try write(Data(" \n\n".utf8), "empty.txt", in: folder())
        #expect(throws: InputError.empty(path)) { try intake.load(.file(path: path)) }
    }

    @Test func aBinaryFileIsRefused() throws {
        let path = try write(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]), "image.txt", in: folder())
        #expect(throws: InputError.binary(path)) { try intake.load(.file(path: path)) }
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let path = try write(Data(String(repeating: "word ", count: 400).utf8), "big.txt", in: folder())
        #expect(throws: InputError.tooLarge(path, size: 2000, limit: 1000)) { try intake.load(.file(path: path)) }
    }

    @Test func invalidBytesAreReplacedAndReportedWithTheirOffset() throws {
        let article = try intake.article(Data([0x4B, 0x69, 0x6D, 0xFF, 0x20, 0x6D, 0x65, 0x74]), source: "r.txt")
        #expect(article.text == "Kim\u{FFFD} met")
        #expect(article.diagnostics.map(\.message) == ["r.txt: invalid UTF-8 at byte 3; it was replaced with U+FFFD"])
    }

    /// A NUL in a record's text or metadata is no part of the report (and no PostgreSQL store keeps one): a space, said.
    @Test func aNULIsASpaceAndReported() throws {
        let line = Data(#"{"id": "n\u0000", "title": "A ti\u0000tle", "text": "Kim met\u0000 Shoigu."}"#.utf8)
        let article = try intake.load(.record(source: "n.jsonl:1", line: line))
        #expect(article.text == "Kim met  Shoigu.")
        #expect(article.given.title == "A ti tle" && article.given.id == "n ")
        #expect(article.diagnostics.map(\.message) == ["n.jsonl:1: NUL characters were replaced with spaces"])
    }

    @Test func byteOrderMarksAndUTF16() throws {
        #expect(try intake.article(Data([0xEF, 0xBB, 0xBF] + Array("Kim".utf8)), source: "a").text == "Kim")
        let utf16 = Data([0xFF, 0xFE, 0x4B, 0x00, 0x69, 0x00, 0x6D, 0x00])
        #expect(try intake.article(utf16, source: "b").text == "Kim")
    }

    @Test func lineEndsAndOddSpacesAreNormalisedForMatchingOnly() throws {
        let text = "Kim\u{00A0}Jong\u{200B}Un met\r\nShoigu\rtoday."
        let document = try analyse(text, title: "")
        #expect(document.tokens.map { document.form($0) } == ["Kim", "JongUn", "met", "Shoigu", "today", "."])
        #expect(document.string(document.tokens[1].span) == "Jong\u{200B}Un")
        #expect(document.paragraphs.count == 3)
        #expect(document.text == text)
    }

    @Test func jsonLinesGiveOneArticleALine() throws {
        let lines = """
            {"id": "a1", "title": "Talks", "text": "Talks\\n\\nThey met.", "date": "2020-01-02"}

            {"text": 5}
            not json
            """
        let path = try write(Data(lines.utf8), "dump.jsonl", in: folder())
        let units = intake.units(for: [path])
        #expect(units.count == 3)
        let first = try intake.load(units[0])
        #expect(first.given == GivenMetadata(id: "a1", title: "Talks", date: "2020-01-02"))
        #expect(first.source == "\(path):1")
        #expect(throws: InputError.badRecord("\(path):3", "no \"text\" string in the record")) { try intake.load(units[1]) }
        #expect(throws: InputError.badRecord("\(path):4", "not valid JSON")) { try intake.load(units[2]) }
    }

    @Test func foldersAreWalkedInOrderSkippingOtherFiles() throws {
        let root = try folder()
        _ = try write(Data("B".utf8), "b.txt", in: root)
        _ = try write(Data("A".utf8), "a.txt", in: root)
        _ = try write(Data([0]), "c.png", in: root)
        _ = try write(Data("hidden".utf8), ".hidden.txt", in: root)
        let names = intake.units(for: [root.path]).compactMap { unit -> String? in
            if case .file(let path) = unit { return (path as NSString).lastPathComponent }
            return nil
        }
        #expect(names == ["a.txt", "b.txt"])
    }

    /// The reader gives its date to a report that states none, keeps a report's own, and runs the pipeline on it.
    @Test func theReaderDatesAReportOnlyWhereItGivesNoDate() throws {
        let reader = ReportReader(intake: Intake(), pipeline: .standard(), date: "2023-07-26")
        let undated = try reader.load(.bytes(source: "a.txt", data: Data("Kim Jong Un met Sergei Shoigu on Wednesday.".utf8)))
        #expect(undated.given.date == "2023-07-26")
        let dated = try reader.load(
            .record(source: "b.jsonl:1", line: Data(#"{"text": "Kim Jong Un met Sergei Shoigu on Wednesday.", "date": "2024-01-02"}"#.utf8))
        )
        #expect(dated.given.date == "2024-01-02")
        let document = try reader.read(undated)
        #expect(document.times.first?.value == "2023-07-26")
        #expect(document.entities.map(\.name) == ["Kim Jong Un", "Sergei Shoigu"])
    }
}
