import Foundation

/// Turns a file's bytes into text: BOMs honoured, UTF-16 read, invalid UTF-8
/// replaced with U+FFFD and reported with its byte offset.
public enum TextDecoder {
    /// The decoded text and what was repaired, or an error naming the problem.
    public static func decode(_ data: Data, source: String) throws(InputError) -> (text: String, diagnostics: [Diagnostic]) {
        if data.isEmpty { throw .empty(source) }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw .undecodable(source, "UTF-16 text that does not decode") }
            return try checked(text, source: source, diagnostics: [])
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if body.prefix(8192).contains(0) { throw .binary(source) }
        if let text = String(validating: body, as: UTF8.self) {
            return try checked(text, source: source, diagnostics: [])
        }
        let (repaired, bad) = repair(body)
        let offset = body.startIndex
        let shown = bad.prefix(5).map { String($0 + offset) }.joined(separator: ", ")
        let more = bad.count > 5 ? " and \(bad.count - 5) more" : ""
        // Mostly invalid: not text at all.
        if bad.count >= 8 && bad.count * 4 > body.count { throw .binary(source) }
        let note = Diagnostic(
            "\(source): invalid UTF-8 at byte \(shown)\(more); \(bad.count == 1 ? "it was" : "they were") replaced with U+FFFD")
        return try checked(String(decoding: repaired, as: UTF8.self), source: source, diagnostics: [note])
    }

    private static func checked(_ text: String, source: String, diagnostics: [Diagnostic]) throws(InputError) -> (
        text: String, diagnostics: [Diagnostic]
    ) {
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(source) }
        return (text, diagnostics)
    }

    /// Valid UTF-8 with each invalid byte replaced by U+FFFD, and the offsets (relative to the slice) of those bytes.
    public static func repair(_ bytes: ArraySlice<UInt8>) -> ([UInt8], [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var bad: [Int] = []
        var i = bytes.startIndex
        let n = bytes.endIndex
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            let length = (0xC2...0xDF).contains(b) ? 2 : (0xE0...0xEF).contains(b) ? 3 : (0xF0...0xF4).contains(b) ? 4 : 0
            var valid = length > 0 && i + length <= n
            if valid {
                for j in 1..<length where !(0x80...0xBF).contains(bytes[i + j]) { valid = false }
            }
            if valid {
                let second = bytes[i + 1]
                switch b {
                case 0xE0: valid = second >= 0xA0
                case 0xED: valid = second <= 0x9F
                case 0xF0: valid = second >= 0x90
                case 0xF4: valid = second <= 0x8F
                default: break
                }
            }
            if valid {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
            } else {
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                bad.append(i - bytes.startIndex)
                i += 1
            }
        }
        return (out, bad)
    }
}

/// Why an input could not be read. Each names the input and says the problem in words a user understands.
public enum InputError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case unreadable(String, String)
    case empty(String)
    case binary(String)
    case tooLarge(String, size: Int, limit: Int)
    case undecodable(String, String)
    case badRecord(String, String)

    public var description: String {
        switch self {
        case .missing(let source): "\(source): no such file or folder"
        case .unreadable(let source, let reason): "\(source): cannot be read (\(reason))"
        case .empty(let source): "\(source): the file is empty"
        case .binary(let source): "\(source): this is a binary file, not text"
        case .tooLarge(let source, let size, let limit):
            "\(source): the file has \(size) bytes, over the limit of \(limit) (raise it with --max-bytes)"
        case .undecodable(let source, let reason): "\(source): \(reason)"
        case .badRecord(let source, let reason): "\(source): \(reason)"
        }
    }
}
