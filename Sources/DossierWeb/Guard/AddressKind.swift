/// What an address is for, as the IANA special-purpose address registries (RFC 6890 and its updates) say: only
/// ``global`` addresses are the public Internet's.
public enum AddressKind: String, Sendable, CaseIterable, CustomStringConvertible {
    case global
    case loopback
    /// RFC 1918: 10/8, 172.16/12, 192.168/16 (and IPv6's site-local and local-use NAT64 prefixes).
    case `private`
    case linkLocal = "link-local"
    /// RFC 6598's carrier-grade NAT space, 100.64/10.
    case sharedAddressSpace = "shared (CGNAT)"
    /// fc00::/7.
    case uniqueLocal = "unique-local"
    case multicast
    case unspecified
    case documentation
    case benchmarking
    /// Everything else not meant for the public Internet: 240/4, broadcast, IETF protocol assignments, IPv6 outside
    /// 2000::/3.
    case reserved

    /// The kinds `--allow-private` lets through: addresses of this machine and its networks.
    public static let privateKinds: Set<AddressKind> = [.loopback, .private, .linkLocal, .sharedAddressSpace, .uniqueLocal]

    public var description: String { rawValue }

    /// The kind of an address; an IPv6 address that stands for an IPv4 one (mapped, NAT64, 6to4) is the IPv4's kind.
    ///
    /// ```swift
    /// AddressKind(IPAddress("192.168.1.1")!)     // .private
    /// AddressKind(IPAddress("::ffff:127.0.0.1")!) // .loopback
    /// ```
    public init(_ address: IPAddress) {
        if let v4 = address.embeddedV4 {
            self = Self.kind(v4: v4)
            return
        }
        switch address {
        case .v4(let value): self = Self.kind(v4: value)
        case .v6(let value): self = Self.kind(v6: value)
        }
    }

    private static func kind(v4 value: UInt32) -> AddressKind {
        ipv4Ranges.first { value >> (32 - $0.bits) == $0.prefix >> (32 - $0.bits) }?.kind ?? .global
    }

    private static func kind(v6 value: UInt128) -> AddressKind {
        if value == 0 { return .unspecified }
        if value == 1 { return .loopback }
        if let range = ipv6Ranges.first(where: { value >> (128 - $0.bits) == $0.prefix >> (128 - $0.bits) }) { return range.kind }
        return value >> 125 == 1 ? .global : .reserved
    }

    /// IPv4's special-purpose ranges, most specific first where they nest.
    private static let ipv4Ranges: [(prefix: UInt32, bits: UInt32, kind: AddressKind)] = [
        (0x0000_0000, 8, .unspecified),  // 0/8, "this network"
        (0x0A00_0000, 8, .private),  // 10/8
        (0x6440_0000, 10, .sharedAddressSpace),  // 100.64/10
        (0x7F00_0000, 8, .loopback),  // 127/8
        (0xA9FE_0000, 16, .linkLocal),  // 169.254/16
        (0xAC10_0000, 12, .private),  // 172.16/12
        (0xC000_0000, 24, .reserved),  // 192.0.0/24, IETF protocol assignments
        (0xC000_0200, 24, .documentation),  // 192.0.2/24, TEST-NET-1
        (0xC058_6300, 24, .reserved),  // 192.88.99/24, 6to4 relay anycast
        (0xC0A8_0000, 16, .private),  // 192.168/16
        (0xC612_0000, 15, .benchmarking),  // 198.18/15
        (0xC633_6400, 24, .documentation),  // 198.51.100/24, TEST-NET-2
        (0xCB00_7100, 24, .documentation),  // 203.0.113/24, TEST-NET-3
        (0xE000_0000, 4, .multicast),  // 224/4
        (0xF000_0000, 4, .reserved),  // 240/4 and the broadcast address
    ]

    /// IPv6's special-purpose ranges inside and beside 2000::/3 (addresses outside it are reserved).
    private static let ipv6Ranges: [(prefix: UInt128, bits: UInt128, kind: AddressKind)] = [
        (0x0064_FF9B_0001 << 80, 48, .private),  // 64:ff9b:1::/48, local-use NAT64
        (0x0100 << 112, 64, .reserved),  // 100::/64, discard-only
        (0x2001_0002_0000 << 80, 48, .benchmarking),  // 2001:2::/48
        (0x2001_0DB8 << 96, 32, .documentation),  // 2001:db8::/32
        (0x2001 << 112, 23, .reserved),  // 2001::/23, IETF protocol assignments (Teredo, ORCHID)
        (0x3FFF << 112, 20, .documentation),  // 3fff::/20
        (0x5F00 << 112, 16, .reserved),  // 5f00::/16, segment routing
        (0xFC00 << 112, 7, .uniqueLocal),  // fc00::/7
        (0xFE80 << 112, 10, .linkLocal),  // fe80::/10
        (0xFEC0 << 112, 10, .private),  // fec0::/10, the deprecated site-local
        (0xFF00 << 112, 8, .multicast),  // ff00::/8
    ]
}
