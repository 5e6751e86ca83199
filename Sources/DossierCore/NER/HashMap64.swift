/// A hash map from 64-bit hashes (words, phrases) to small values: open addressing with linear probing, the key
/// spread by one multiplication. The recogniser looks words up several times each; a `Dictionary` would run SipHash
/// every time.
struct HashMap64<Value>: Sendable where Value: Sendable {
    private var keys: [UInt64]
    /// The value of each slot; nil for an empty slot.
    private var values: [Value?]
    private var mask: Int
    /// How many keys the map holds.
    private(set) var count = 0

    /// An empty map with room for `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var slots = 16
        while slots < capacity * 2 { slots <<= 1 }
        keys = [UInt64](repeating: 0, count: slots)
        values = [Value?](repeating: nil, count: slots)
        mask = slots - 1
    }

    /// The same keys and values as a dictionary.
    init(_ dictionary: [UInt64: Value]) {
        self.init(capacity: dictionary.count)
        for (key, value) in dictionary { self[key] = value }
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while values[slot] != nil && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The value of a key, or nil; setting nil is not supported.
    subscript(key: UInt64) -> Value? {
        @inline(__always) get { values[slot(of: key)] }
        set {
            guard let newValue else { preconditionFailure("HashMap64 does not remove keys") }
            let slot = slot(of: key)
            if values[slot] == nil {
                if (count + 1) * 2 > keys.count {
                    grow()
                    self[key] = newValue
                    return
                }
                count += 1
                keys[slot] = key
            }
            values[slot] = newValue
        }
    }

    /// The value of a key, `defaultValue` when it has none.
    subscript(key: UInt64, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        set { self[key] = newValue }
    }

    private mutating func grow() {
        var larger = HashMap64(capacity: keys.count)
        for (key, value) in zip(keys, values) {
            if let value { larger[key] = value }
        }
        self = larger
    }
}
