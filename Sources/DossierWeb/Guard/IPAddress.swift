/// An IPv4 or IPv6 address, read from the forms a URL's host may take.
///
/// ```swift
/// IPAddress("127.0.0.1")          // .v4(0x7F00_0001)
/// IPAddress("0x7f.1")             // the same address, as inet_aton and browsers read it
/// IPAddress("[::ffff:10.0.0.1]")  // an IPv4-mapped IPv6 address
/// IPAddress("example.com")        // nil: a name, to be resolved
/// ```
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4(UInt32)
    case v6(UInt128)

    /// Reads a literal address: dotted IPv4 in any of the classic forms (`127.1`, `2130706433`, `0177.0.0.1`,
    /// `0x7f.0.0.1`, a trailing dot), or IPv6 with or without brackets and zone. Nil for anything else.
    public init?(_ text: String) {
        var host = Substring(text)
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        if host.contains(":") {
            if let zone = host.firstIndex(of: "%") { host = host[..<zone] }
            guard let value = Self.parseV6(host) else { return nil }
            self = .v6(value)
        } else {
            guard let value = Self.parseV4(host) else { return nil }
            self = .v4(value)
        }
    }

    /// The address as a connection is made to it: `10.0.0.1`, `2001:db8::1` (uncompressed groups).
    public var description: String {
        switch self {
        case .v4(let value):
            return (0..<4).map { String((value >> (24 - 8 * UInt32($0))) & 0xFF) }.joined(separator: ".")
        case .v6(let value):
            return (0..<8).map { String(UInt16(truncatingIfNeeded: value >> (112 - 16 * UInt128($0))), radix: 16) }
                .joined(separator: ":")
        }
    }

    /// The IPv4 address an IPv6 address stands for: IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`),
    /// NAT64 (`64:ff9b::a.b.c.d`) and 6to4 (`2002:AABB:CCDD::`); nil for the others and for IPv4.
    public var embeddedV4: UInt32? {
        guard case .v6(let value) = self else { return nil }
        let low = UInt32(truncatingIfNeeded: value)
        switch value >> 32 {
        case 0xFFFF, 0x0064_FF9B_0000_0000_0000_0000: return low
        case 0: return value > 1 ? low : nil
        default: return value >> 112 == 0x2002 ? UInt32(truncatingIfNeeded: value >> 80) : nil
        }
    }

    /// Classic IPv4: one to four parts separated by dots, each decimal, octal (leading 0) or hexadecimal (0x); the
    /// last part fills the bytes the others leave.
    static func parseV4(_ text: Substring) -> UInt32? {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1 && parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseV4Part(part) else { return nil }
            numbers.append(number)
        }
        var value: UInt64 = 0
        for (index, number) in numbers.dropLast().enumerated() {
            guard number <= 0xFF else { return nil }
            value |= number << (24 - 8 * UInt64(index))
        }
        let lastBits = 32 - 8 * UInt64(numbers.count - 1)
        guard numbers[numbers.count - 1] < (1 << lastBits) else { return nil }
        return UInt32(value | numbers[numbers.count - 1])
    }

    private static func parseV4Part(_ part: Substring) -> UInt64? {
        guard !part.isEmpty, part.count <= 34, part.allSatisfy({ $0.isHexDigit || $0 == "x" || $0 == "X" }) else { return nil }
        let lower = part.lowercased()
        if lower.hasPrefix("0x") { return lower.count == 2 ? 0 : UInt64(lower.dropFirst(2), radix: 16) }
        if lower.count > 1 && lower.hasPrefix("0") { return UInt64(lower.dropFirst(), radix: 8) }
        guard lower.allSatisfy(\.isASCII) else { return nil }
        return UInt64(lower, radix: 10)
    }

    /// IPv6 in its text forms: eight groups, `::` for a run of zero groups, an IPv4 address for the last 32 bits.
    static func parseV6(_ text: Substring) -> UInt128? {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0], last: halves.count == 1) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1], last: true), head.count + tail.count <= 7 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    /// The 16-bit groups of one side of `::`; an IPv4 address may end the last side.
    private static func groups(_ text: String, last: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        var result: [UInt16] = []
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        for (index, piece) in pieces.enumerated() {
            if last && index == pieces.count - 1 && piece.contains(".") {
                guard piece.split(separator: ".").count == 4, piece.allSatisfy({ $0.isNumber || $0 == "." }),
                    let v4 = parseV4(piece)
                else { return nil }
                result += [UInt16(v4 >> 16), UInt16(truncatingIfNeeded: v4)]
                continue
            }
            guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else { return nil }
            result.append(group)
        }
        return result
    }
}
