/// An immutable hash table keyed by byte strings, for looking words up
/// straight from a text's bytes without making a `String`.
///
/// ```swift
/// let table = ByteTable(["Mr.": 1, "Gen.": 2])
/// Array("Gen.".utf8).withUnsafeBufferPointer { table[$0[...]] }  // 2
/// ```
public struct ByteTable<Value: Sendable>: Sendable {
    private var keys: [[UInt8]?]
    private var values: [Value?]
    private let mask: Int
    public private(set) var count = 0

    public init(_ entries: [String: Value]) {
        self.init(entries.map { (Array($0.key.utf8), $0.value) })
    }

    public init(_ entries: [([UInt8], Value)]) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (key, value) in entries { insert(key, value) }
    }

    private mutating func insert(_ key: [UInt8], _ value: Value) {
        var slot = key.withUnsafeBufferPointer { Self.hash($0[...]) } & mask
        while let existing = keys[slot] {
            if existing == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    /// The value stored for the bytes, if any.
    @inline(__always)
    public subscript(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> Value? {
        var slot = Self.hash(key) & mask
        while let existing = keys[slot] {
            if existing.count == key.count && existing.elementsEqual(key) { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The value stored for a string, if any.
    public subscript(_ key: String) -> Value? {
        Array(key.utf8).withUnsafeBufferPointer { self[$0[...]] }
    }

    @inline(__always)
    private static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
