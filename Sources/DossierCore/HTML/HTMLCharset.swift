import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds a page's character encoding and turns its bytes into valid UTF-8.
///
/// The order is a browser's: a byte order mark, then the charset the server sent (`transportCharset`, from the HTTP
/// `Content-Type` header), then a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` in the first few kilobytes, then the bytes
/// themselves (valid UTF-8, else Windows-1252). ISO-8859-1 and ASCII labels mean
/// Windows-1252, as browsers read them; a page that declares a single-byte
/// encoding but is valid UTF-8 with non-ASCII text is read as UTF-8.
public enum HTMLCharset {
    /// The page as UTF-8 bytes without a byte order mark, the encoding used, and what was repaired.
    public static func utf8(_ bytes: [UInt8], source: String, transportCharset: String? = nil) throws(InputError) -> (
        bytes: [UInt8], encoding: String, diagnostics: [Diagnostic]
    ) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return validated(Array(bytes[3...]), source: source, encoding: "utf-8") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(bytes[2...]), encoding: encoding) else {
                throw .undecodable(source, "a UTF-16 page that does not decode")
            }
            return (Array(text.utf8), "utf-16", [])
        }
        let declared = transportCharset?.lowercased() ?? declaredEncoding(bytes)
        switch declared.map(canonical) ?? "utf-8" {
        case "utf-8":
            if declared == nil && !isValidUTF8(bytes) { return (windows1252(bytes), "windows-1252", []) }
            return validated(bytes, source: source, encoding: "utf-8")
        case "windows-1252":
            if isValidUTF8(bytes) && bytes.contains(where: { $0 >= 0x80 }) { return (bytes, "utf-8", []) }
            return (windows1252(bytes), "windows-1252", [])
        case let other:
            if let converted = convert(bytes, from: other) { return validated(converted, source: source, encoding: other) }
            let note = Diagnostic("\(source): unknown character encoding '\(other)'; read as Windows-1252")
            return (windows1252(bytes), "windows-1252", [note])
        }
    }
    /// The charset a `Content-Type` header names (`text/html; charset=ISO-8859-1`), for ``utf8(_:source:transportCharset:)``.
    public static func fromContentType(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }
        }
        return nil
    }

    /// The encoding label a `<meta>` element declares in the page's first 4 kB, lowercased.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x80 ? 0x20 : $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
        var position = 0
        while let meta = find(Array("<meta".utf8), in: head, from: position, to: head.count) {
            let tagStart = meta + 5
            let tagEnd = head[tagStart...].firstIndex(of: 0x3E) ?? head.count
            if let charset = find(Array("charset".utf8), in: head, from: tagStart, to: tagEnd) {
                var start = charset + 7
                while start < tagEnd && [0x20, 0x3D, 0x22, 0x27].contains(head[start]) { start += 1 }
                var end = start
                while end < tagEnd && isLabelByte(head[end]) { end += 1 }
                if end > start { return String(decoding: head[start..<end], as: UTF8.self) }
            }
            position = tagEnd
        }
        return nil
    }

    /// Where `word` first occurs in `bytes[from..<to]`.
    private static func find(_ word: [UInt8], in bytes: [UInt8], from: Int, to: Int) -> Int? {
        guard to - from >= word.count else { return nil }
        return (from...(to - word.count)).first { bytes[$0] == word[0] && bytes[$0..<($0 + word.count)].elementsEqual(word) }
    }

    /// Letters, digits and `-_:.`, the bytes of an encoding label.
    private static func isLabelByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }

    /// The name an encoding label stands for, as browsers map labels.
    static func canonical(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode": "utf-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
            "x-cp1252", "cp819", "ibm819", "iso-ir-100":
            "windows-1252"
        default: label
        }
    }

    /// What Windows-1252 maps the bytes 0x80 to 0x9F to; the others map to the code point of the same number.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Windows-1252 bytes as UTF-8.
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            output.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        }
        return output
    }

    /// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF),
    /// checked eight ASCII bytes at a time and without making a `String`.
    private static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                while index + 8 <= count,
                    UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // The length of the sequence and the range its second byte must fall in.
                let (length, low, high): (Int, UInt8, UInt8) =
                    switch lead {
                    case 0xC2...0xDF: (2, 0x80, 0xBF)
                    case 0xE0: (3, 0xA0, 0xBF)
                    case 0xED: (3, 0x80, 0x9F)
                    case 0xE1...0xEF: (3, 0x80, 0xBF)
                    case 0xF0: (4, 0x90, 0xBF)
                    case 0xF1...0xF3: (4, 0x80, 0xBF)
                    case 0xF4: (4, 0x80, 0x8F)
                    default: (0, 0, 0)
                    }
                guard length > 0, index + length <= count, (low...high).contains(bytes[index + 1]) else { return false }
                for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
    }

    private static func validated(_ bytes: [UInt8], source: String, encoding: String) -> (
        bytes: [UInt8], encoding: String, diagnostics: [Diagnostic]
    ) {
        if isValidUTF8(bytes) { return (bytes, encoding, []) }
        let (repaired, bad) = TextDecoder.repair(bytes[...])
        let note = Diagnostic(
            "\(source): \(bad.count) invalid UTF-8 byte\(bad.count == 1 ? "" : "s") (the first at byte \(bad[0])) replaced with U+FFFD")
        return (repaired, encoding, [note])
    }

    /// Bytes of another encoding (Shift_JIS, GBK, KOI8-R, ...) as UTF-8, through the C library's iconv.
    private static func convert(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var input = bytes
        var produced = 0
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                source.baseAddress!.withMemoryRebound(to: CChar.self, capacity: source.count) { sourceStart in
                    target.baseAddress!.withMemoryRebound(to: CChar.self, capacity: target.count) { targetStart in
                        var inPointer: UnsafeMutablePointer<CChar>? = sourceStart
                        var inLeft = source.count
                        var outPointer: UnsafeMutablePointer<CChar>? = targetStart
                        var outLeft = target.count
                        while inLeft > 0 {
                            if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
                            guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { break }
                            // An invalid sequence: write U+FFFD and go on after it.
                            for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                                outPointer!.pointee = CChar(bitPattern: byte)
                                outPointer! += 1
                            }
                            outLeft -= 3
                            inPointer! += 1
                            inLeft -= 1
                        }
                        produced = target.count - outLeft
                    }
                }
            }
        }
        return Array(output[..<produced])
    }
}
