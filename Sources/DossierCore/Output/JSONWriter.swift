/// A small streaming JSON writer that keeps keys in the order written.
///
/// ```swift
/// var json = JSONWriter()
/// json.object {
///     json.key("title"); json.string("Kim meets Shoigu")
///     json.key("credits"); json.array(["PTI"])
/// }
/// json.output  // {"title":"Kim meets Shoigu","credits":["PTI"]}
/// ```
public struct JSONWriter {
    /// The JSON written so far, as UTF-8 bytes.
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false
    private let pretty: Bool
    private var depth = 0
    private var afterKey = false

    public init(pretty: Bool = false) {
        self.pretty = pretty
        bytes.reserveCapacity(16_384)
    }

    /// The JSON written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    private mutating func separate() {
        if needsComma { bytes.append(0x2C) }
        if pretty && depth > 0 { newline() }
        needsComma = true
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(0x5B)
        body(&self)
        close(0x5D)
    }

    private mutating func open(_ bracket: UInt8) {
        if !afterKey { separate() }
        afterKey = false
        bytes.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty && needsComma { newline() }
        bytes.append(bracket)
        needsComma = true
    }

    public mutating func key(_ name: String) {
        separate()
        escape(name)
        bytes.append(0x3A)
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    private mutating func value(_ raw: String) {
        if !afterKey { separate() }
        afterKey = false
        bytes.append(contentsOf: raw.utf8)
    }

    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        if !afterKey { separate() }
        afterKey = false
        escape(text)
    }

    /// A string value given as UTF-8 bytes that hold whole characters.
    mutating func string(utf8 text: ArraySlice<UInt8>) {
        if !afterKey { separate() }
        afterKey = false
        text.withUnsafeBufferPointer { escape($0) }
    }

    public mutating func int(_ number: Int) { value(String(number)) }
    public mutating func number(_ number: Double) { value(number.isFinite ? String(number) : "null") }
    public mutating func bool(_ flag: Bool) { value(flag ? "true" : "false") }
    public mutating func null() { value("null") }

    public mutating func array(_ strings: [String]) {
        array { json in for s in strings { json.string(s) } }
    }

    public mutating func emptyArray() { array { _ in } }

    /// A key and its string value (or null).
    public mutating func field(_ name: String, _ text: String?) {
        key(name)
        string(text)
    }

    /// A key and its array of strings.
    public mutating func field(_ name: String, _ strings: [String]) {
        key(name)
        array(strings)
    }

    /// `"coordinates": [latitude, longitude]`, written only when both are known.
    public mutating func coordinates(latitude: Double?, longitude: Double?) {
        guard let latitude, let longitude else { return }
        key("coordinates")
        array { json in
            json.number(latitude)
            json.number(longitude)
        }
    }

    /// A key and its integer value.
    public mutating func field(_ name: String, _ number: Int) {
        key(name)
        int(number)
    }

    private mutating func escape(_ text: String) {
        var text = text
        text.withUTF8 { escape($0) }
    }

    /// Writes UTF-8 text as a JSON string: quotes, backslashes and control bytes escaped, runs of other bytes copied.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var run = 0
        for (i, b) in utf8.enumerated() where b == 0x22 || b == 0x5C || b < 0x20 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            bytes.append(0x5C)
            switch b {
            case 0x22: bytes.append(0x22)
            case 0x5C: bytes.append(0x5C)
            case 0x0A: bytes.append(0x6E)
            case 0x0D: bytes.append(0x72)
            case 0x09: bytes.append(0x74)
            default:
                let hex = String(b, radix: 16)
                bytes.append(contentsOf: "u".utf8)
                bytes.append(contentsOf: repeatElement(0x30, count: 4 - hex.count))
                bytes.append(contentsOf: hex.utf8)
            }
            run = i + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        bytes.append(0x22)
    }
}
