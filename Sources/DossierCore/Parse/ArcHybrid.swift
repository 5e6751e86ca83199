/// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) over one sentence, words `1...n`
/// and the root `0`: a stack that starts with the root, and a buffer of the words not yet read.
///
/// - shift: the buffer's first word goes on the stack;
/// - left(l): the stack's top becomes a dependent `l` of the buffer's first word, and leaves the stack;
/// - right(l): the stack's top becomes a dependent `l` of the word below it, and leaves the stack.
///
/// A move is a number: 0 shift, `1 + l` left(l), `1 + labelCount + l` right(l).
struct ArcHybrid {
    static let none: Int32 = -1

    let wordCount: Int
    let labelCount: Int
    /// The root's relation: the only one a word attached to the root takes, and no other word takes.
    let rootLabel: Int
    private(set) var stack: [Int32] = [0]
    /// The buffer's first word; `wordCount + 1` when it is empty.
    private(set) var next = 1
    private(set) var heads: [Int32]
    private(set) var labels: [UInt8]
    /// The two leftmost and two rightmost dependents of each word so far, and how many it has each side.
    private(set) var left1: [Int32]
    private(set) var left2: [Int32]
    private(set) var right1: [Int32]
    private(set) var right2: [Int32]
    private(set) var leftCount: [UInt8]
    private(set) var rightCount: [UInt8]
    /// The relations of each word's dependents each side, one bit a relation.
    private(set) var leftLabels: [UInt64]
    private(set) var rightLabels: [UInt64]

    init(wordCount: Int, labelCount: Int, rootLabel: Int) {
        self.wordCount = wordCount
        self.labelCount = labelCount
        self.rootLabel = rootLabel
        let size = wordCount + 1
        heads = Array(repeating: Self.none, count: size)
        labels = Array(repeating: 0, count: size)
        left1 = Array(repeating: Self.none, count: size)
        left2 = left1
        right1 = left1
        right2 = left1
        leftCount = Array(repeating: 0, count: size)
        rightCount = leftCount
        leftLabels = Array(repeating: 0, count: size)
        rightLabels = leftLabels
        stack.reserveCapacity(size)
    }

    var isFinal: Bool { next > wordCount && stack.count == 1 }

    /// The stack's `k`-th word from the top, or ``none``.
    @inline(__always)
    func stack(_ k: Int) -> Int32 { k < stack.count ? stack[stack.count - 1 - k] : Self.none }

    /// The buffer's `k`-th word, or ``none``.
    @inline(__always)
    func buffer(_ k: Int) -> Int32 { next + k <= wordCount ? Int32(next + k) : Self.none }

    var canShift: Bool { next <= wordCount }
    /// The root never leaves the stack by a left move.
    var canLeft: Bool { stack.count >= 2 && next <= wordCount }
    /// Only the last word left, once the buffer is empty, attaches to the root: the tree has one root word.
    var canRight: Bool { stack.count >= 3 || (stack.count == 2 && next > wordCount) }

    /// The one move the state allows, where it allows one only: a shift while the stack holds only the root, the
    /// last word's attachment to the root once the buffer is empty; nil otherwise.
    var onlyMove: Int? {
        if stack.count == 1 { return canShift ? 0 : nil }
        return stack.count == 2 && next > wordCount ? 1 + labelCount + rootLabel : nil
    }

    /// Whether move `m` may be made now, its relation included.
    @inline(__always)
    func allows(_ m: Int) -> Bool {
        if m == 0 { return canShift }
        let isLeft = m <= labelCount
        let label = isLeft ? m - 1 : m - 1 - labelCount
        if isLeft { return canLeft && label != rootLabel }
        guard canRight else { return false }
        return (stack.count == 2) == (label == rootLabel)
    }

    mutating func apply(_ m: Int) {
        if m == 0 {
            stack.append(Int32(next))
            next += 1
            return
        }
        let isLeft = m <= labelCount
        let label = isLeft ? m - 1 : m - 1 - labelCount
        let dependent = stack.removeLast()
        attach(Int(dependent), to: isLeft ? next : Int(stack[stack.count - 1]), label: label)
    }

    private mutating func attach(_ d: Int, to h: Int, label: Int) {
        heads[d] = Int32(h)
        labels[d] = UInt8(label)
        let bit: UInt64 = label < 64 ? 1 << UInt64(label) : 0
        if d < h {
            leftCount[h] &+= 1
            leftLabels[h] |= bit
            if left1[h] == Self.none || d < left1[h] {
                left2[h] = left1[h]
                left1[h] = Int32(d)
            } else if left2[h] == Self.none || d < left2[h] {
                left2[h] = Int32(d)
            }
        } else {
            rightCount[h] &+= 1
            rightLabels[h] |= bit
            if right1[h] == Self.none || d > right1[h] {
                right2[h] = right1[h]
                right1[h] = Int32(d)
            } else if right2[h] == Self.none || d > right2[h] {
                right2[h] = Int32(d)
            }
        }
    }

    /// How many arcs of the gold tree each kind of move would make unreachable (Goldberg and Nivre 2013's dynamic
    /// oracle): `(shift, left, right)`, `nil` for a move not allowed. `goldHeads[w]` is word `w`'s head (0 the root).
    func costs(goldHeads: [Int32]) -> (shift: Int?, left: Int?, right: Int?) {
        let s0 = stack.count >= 1 ? Int(stack[stack.count - 1]) : -1
        let s1 = stack.count >= 2 ? Int(stack[stack.count - 2]) : -1
        func inBuffer(_ w: Int, from start: Int) -> Bool { w >= start && w <= wordCount }
        func dependentsInBuffer(of h: Int, from start: Int) -> Int {
            var count = 0
            if start <= wordCount { for w in start...wordCount where goldHeads[w] == h { count += 1 } }
            return count
        }
        var shift: Int?
        if canShift {
            // The next word can no longer take a head below the top of the stack, nor any word of the stack as its
            // dependent.
            let b = next
            var cost = 0
            for (depth, w) in stack.reversed().enumerated() {
                if depth > 0 && Int(goldHeads[b]) == Int(w) { cost += 1 }
                if w != 0 && Int(goldHeads[Int(w)]) == b { cost += 1 }
            }
            shift = cost
        }
        var left: Int?
        if canLeft {
            let head = Int(goldHeads[s0])
            var cost = dependentsInBuffer(of: s0, from: next)
            if head != next && (head == s1 || inBuffer(head, from: next + 1)) { cost += 1 }
            left = cost
        }
        var right: Int?
        if canRight {
            let head = Int(goldHeads[s0])
            var cost = dependentsInBuffer(of: s0, from: next)
            if head != s1 && inBuffer(head, from: next) { cost += 1 }
            right = cost
        }
        return (shift, left, right)
    }
}
