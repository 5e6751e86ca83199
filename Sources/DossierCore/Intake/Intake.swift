import Foundation

/// One report as read from its container, ready to become a ``Document``.
public struct RawArticle: Sendable {
    public var source: String
    public var text: String
    public var given: GivenMetadata
    public var diagnostics: [Diagnostic]

    /// A NUL character in the text or the metadata (a JSON string's "\\u0000", a page's `&#0;`) is no part of a report,
    /// and a PostgreSQL store cannot keep one: each becomes a space, and a diagnostic says so.
    public init(source: String, text: String, given: GivenMetadata = GivenMetadata(), diagnostics: [Diagnostic] = []) {
        self.source = source
        let cleaned = Self.withoutNUL(text)
        var given = given
        let metadataHeldNUL = given.removeNUL()
        self.text = cleaned ?? text
        self.given = given
        self.diagnostics =
            diagnostics + (cleaned != nil || metadataHeldNUL ? [Diagnostic("\(source): NUL characters were replaced with spaces")] : [])
    }

    /// The text with each NUL a space, or nil when it holds none.
    static func withoutNUL(_ text: String) -> String? {
        guard text.utf8.contains(0) else { return nil }
        return String(decoding: text.utf8.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// The document to run the pipeline on.
    public func document() -> Document {
        var document = Document(text: text, source: source, given: given)
        document.diagnostics = diagnostics
        return document
    }
}

extension GivenMetadata {
    /// Replaces each NUL of every field with a space; whether there was one.
    mutating func removeNUL() -> Bool {
        var found = false
        func clean(_ value: inout String?) {
            if let text = value, let cleaned = RawArticle.withoutNUL(text) {
                value = cleaned
                found = true
            }
        }
        clean(&id)
        clean(&title)
        clean(&date)
        clean(&dateSource)
        clean(&url)
        clean(&author)
        clean(&outlet)
        clean(&language)
        captions = captions.map { caption in
            guard let cleaned = RawArticle.withoutNUL(caption) else { return caption }
            found = true
            return cleaned
        }
        return found
    }
}

/// A unit of reading work: a whole file, one record of a JSON Lines file, or one page of a web archive.
public enum InputUnit: Sendable {
    case file(path: String)
    case bytes(source: String, data: Data)
    case record(source: String, line: Data)
    case archived(WARC.Location)
    /// An article read already (a page fetched from the web and read by ``Intake/article(_:source:charset:)``).
    case loaded(RawArticle)
    case failed(InputError)

    /// The sample report Dossier carries, read when a command is given no input.
    public static func embeddedSample() throws -> InputUnit {
        .bytes(source: "kim-shoigu.txt (embedded sample)", data: try Resource.defaultReport())
    }

    /// The input's name in messages: its path, its record's or archive record's source, or what could not be read.
    public var source: String {
        switch self {
        case .file(let path): path
        case .bytes(let source, _), .record(let source, _): source
        case .archived(let location): location.source
        case .loaded(let article): article.source
        case .failed(let error): "\(error)"
        }
    }
}

/// Finds the inputs a user names and reads them into articles.
///
/// Files may be plain text (UTF-8 with or without a BOM, or UTF-16 with one),
/// JSON Lines dumps (`.jsonl`: one article a line with `text` and optional
/// `id`, `title`, `date`, `url`), a JSON object of the same shape (`.json`), or
/// web pages (`.html`, `.htm`, or any file that starts like one), gzip-compressed
/// (`.gz`) or not, or web archives (`.warc`, `.warc.gz`: ``WARC``). Folders are walked for such files.
public struct Intake: Sendable {
    /// Files larger than this are refused.
    public var maxBytes: Int
    /// Extensions read when walking a folder.
    public static let textExtensions: Set<String> = ["txt", "text", "md", "jsonl", "json", "html", "htm", "gz", "warc"]

    public init(maxBytes: Int = 100 << 20) {
        self.maxBytes = maxBytes
    }

    /// The units of work for some paths, in order: a folder's files sorted by path, a JSON Lines file a unit per line.
    /// `-` reads standard input.
    public func units(for paths: [String]) -> [InputUnit] {
        var units: [InputUnit] = []
        for path in paths {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                units.append(contentsOf: unitsOf(data: data, source: "-", jsonLines: false))
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                units.append(.failed(.missing(path)))
                continue
            }
            if isFolder.boolValue {
                for file in filesInFolder(path) { units.append(contentsOf: unitsOf(file: file)) }
            } else {
                units.append(contentsOf: unitsOf(file: path))
            }
        }
        return units
    }

    private func filesInFolder(_ folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            if Self.textExtensions.contains(ext) { files.append((folder as NSString).appendingPathComponent(relative)) }
        }
        return files.sorted()
    }

    private func unitsOf(file path: String) -> [InputUnit] {
        if WARC.isArchive(path) { return WARC.units(path: path) }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" {
            do {
                return unitsOf(data: try read(path), source: path, jsonLines: true)
            } catch {
                return [.failed(error)]
            }
        }
        return [.file(path: path)]
    }

    private func unitsOf(data: Data, source: String, jsonLines: Bool) -> [InputUnit] {
        guard jsonLines else { return [.bytes(source: source, data: data)] }
        if data.isEmpty { return [.failed(.empty(source))] }
        var units: [InputUnit] = []
        var lineNumber = 0
        data.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                lineNumber += 1
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                if line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) {
                    units.append(.record(source: "\(source):\(lineNumber)", line: Data(line)))
                }
                start = end + 1
            }
        }
        return units.isEmpty ? [.failed(.empty(source))] : units
    }

    /// A file's bytes, checked against the size limit.
    public func read(_ path: String) throws(InputError) -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw FileManager.default.fileExists(atPath: path) ? .unreadable(path, "permission denied") : .missing(path)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes { throw .tooLarge(path, size: size, limit: maxBytes) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path, "permission denied") }
        return data
    }

    /// Reads a unit into its article.
    public func load(_ unit: InputUnit) throws(InputError) -> RawArticle {
        switch unit {
        case .failed(let error):
            throw error
        case .file(let path):
            let data = try read(path)
            if (path as NSString).pathExtension.lowercased() == "json" { return try record(data, source: path) }
            return try article(data, source: path)
        case .bytes(let source, let data):
            if data.count > maxBytes { throw .tooLarge(source, size: data.count, limit: maxBytes) }
            return try article(data, source: source)
        case .record(let source, let line):
            return try record(line, source: source)
        case .archived(let location):
            return try WARC.article(location, maxBytes: maxBytes)
        case .loaded(let article):
            return article
        }
    }

    /// An article from its bytes: a web page's article when the bytes are HTML (or the name ends in `.html`
    /// or `.htm`), else plain text. Gzip-compressed bytes are decompressed first. `charset` is the one the server
    /// named in its `Content-Type` header, which comes before the page's own.
    public func article(_ data: Data, source: String, charset: String? = nil) throws(InputError) -> RawArticle {
        let (bytes, notes) = try HTMLArticle.decompressed([UInt8](data), source: source, limit: maxBytes)
        let name = source.lowercased()
        let named = [".html", ".htm", ".html.gz", ".htm.gz"].contains(where: name.hasSuffix)
        if named || HTMLArticle.looksLikeHTML(bytes) {
            var article = try HTMLArticle(bytes: bytes, source: source, charset: charset).rawArticle(source: source)
            article.diagnostics.insert(contentsOf: notes, at: 0)
            return article
        }
        let (text, diagnostics) = try TextDecoder.decode(notes.isEmpty && bytes.count == data.count ? data : Data(bytes), source: source)
        return RawArticle(source: source, text: text, diagnostics: notes + diagnostics)
    }

    /// An article from a JSON object with `text` and optional `id`, `title`, `date`, `url`.
    public func record(_ data: Data, source: String) throws(InputError) -> RawArticle {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .badRecord(source, "not valid JSON")
        }
        guard let fields = object as? [String: Any] else { throw .badRecord(source, "not a JSON object") }
        guard let text = fields["text"] as? String else { throw .badRecord(source, "no \"text\" string in the record") }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(source) }
        let given = GivenMetadata(
            id: (fields["id"] as? String) ?? (fields["id"] as? NSNumber)?.stringValue,
            title: fields["title"] as? String,
            date: fields["date"] as? String,
            url: fields["url"] as? String)
        return RawArticle(source: source, text: text, given: given)
    }
}
