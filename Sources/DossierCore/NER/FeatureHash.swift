/// The hashes the recogniser's features are made of: FNV-1a over a word's UTF-8 bytes, combined with a
/// SplitMix64 finaliser, so a feature is a number, never a string built in the hot loop.
enum FeatureHash {
    static let empty: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One more byte into an FNV-1a hash.
    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// A well-spread combination of two hashes (order matters).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var x = (a &* 0x9E37_79B9_7F4A_7C15) ^ b
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }

    /// The FNV-1a hash of a string's UTF-8 bytes, ASCII letters lowered when `lowercased`.
    static func of(_ text: String, lowercased: Bool = false) -> UInt64 {
        var hash = empty
        for byte in text.utf8 { hash = add(hash, lowercased ? lower(byte) : byte) }
        return hash
    }

    /// The hash of a sequence of words, compared ignoring ASCII case (the gazetteer's key).
    static func phrase<Words: Sequence>(_ lowercasedWordHashes: Words) -> UInt64 where Words.Element == UInt64 {
        lowercasedWordHashes.reduce(0x5851_F42D_4C95_7F2D) { combine($0, $1) }
    }

    /// The 32-bit key of a feature: its template and its value; never 0, which marks an empty slot.
    @inline(__always)
    static func key(_ template: NameFeatures.Template, _ value: UInt64) -> UInt32 { key(template.rawValue, value, salt: 1) }

    /// The 32-bit key of a feature of one model: its template and value, the template offset by the model's `salt`
    /// (the tagger's, the parser's and the event classifier's keys never meet); never 0, which marks an empty slot.
    @inline(__always)
    static func key(_ template: UInt64, _ value: UInt64, salt: UInt64) -> UInt32 {
        let key = UInt32(truncatingIfNeeded: combine(template &+ salt, value) >> 32)
        return key == 0 ? 1 : key
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
