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
    public private(set) var output = ""
    private var needsComma = false
    private let pretty: Bool
    private var depth = 0

    public init(pretty: Bool = false) {
        self.pretty = pretty
        output.reserveCapacity(4096)
    }

    private mutating func separate() {
        if needsComma { output += "," }
        if pretty && depth > 0 {
            output += "\n"
            output += String(repeating: " ", count: depth * 2)
        }
        needsComma = true
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open("[")
        body(&self)
        close("]")
    }

    private mutating func open(_ bracket: String) {
        if !afterKey { separate() }
        afterKey = false
        output += bracket
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: String) {
        depth -= 1
        if pretty && needsComma {
            output += "\n"
            output += String(repeating: " ", count: depth * 2)
        }
        output += bracket
        needsComma = true
    }

    private var afterKey = false

    public mutating func key(_ name: String) {
        separate()
        escape(name)
        output += pretty ? ": " : ":"
        afterKey = true
    }

    private mutating func value(_ raw: String) {
        if !afterKey { separate() }
        afterKey = false
        output += raw
    }

    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        if !afterKey { separate() }
        afterKey = false
        escape(text)
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

    /// A key and its integer value.
    public mutating func field(_ name: String, _ number: Int) {
        key(name)
        int(number)
    }

    private mutating func escape(_ text: String) {
        output += "\""
        var run = text.utf8.startIndex
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 0x22 || b == 0x5C || b < 0x20 {
                output += String(text[run..<i])
                switch b {
                case 0x22: output += "\\\""
                case 0x5C: output += "\\\\"
                case 0x0A: output += "\\n"
                case 0x0D: output += "\\r"
                case 0x09: output += "\\t"
                default:
                    let hex = String(b, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                run = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        output += String(text[run..<utf8.endIndex])
        output += "\""
    }
}
