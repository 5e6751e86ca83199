import Foundation

/// Learns ``WordClusters`` from raw text: each frequent word is described by the words around it (positive
/// pointwise mutual information with the frequent words two to the left and two to the right), reduced to its
/// leading singular dimensions (truncated SVD by subspace iteration), and the words are split in two by spherical 2-means, the largest group first,
/// until there are ``clusterCount`` groups. The splits make each group's bit path, as Brown clustering's merges do.
public struct WordClusterLearner: Sendable {
    /// The most frequent words that get a cluster.
    public var vocabularySize = 60_000
    /// Rarer words get none.
    public var minimumCount = 4
    /// The most frequent words that describe a word's contexts.
    public var contextWords = 1_000
    /// The singular dimensions kept.
    public var dimensions = 160
    /// How many clusters (leaves of the tree).
    public var clusterCount = 1_000
    public var seed: UInt64 = 20_260_801

    public init() {}

    /// The clusters of the words of `sentences` (each a list of tokens), as "BITS\tWORD\tCOUNT" lines.
    public func learn(_ sentences: [[String]]) -> String {
        // Intern the corpus; -1 separates sentences.
        var ids: [String: Int32] = [:]
        var words: [String] = []
        var counts: [Int] = []
        var corpus: [Int32] = []
        for sentence in sentences {
            for word in sentence {
                let id: Int32
                if let known = ids[word] {
                    id = known
                } else {
                    id = Int32(words.count)
                    ids[word] = id
                    words.append(word)
                    counts.append(0)
                }
                counts[Int(id)] += 1
                corpus.append(id)
            }
            corpus.append(-1)
        }
        let byFrequency = counts.indices.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && words[$0] < words[$1]) }
        let vocabulary = byFrequency.prefix(vocabularySize).filter { counts[$0] >= minimumCount }
        var vocabularyIndex = [Int32](repeating: -1, count: words.count)
        for (index, id) in vocabulary.enumerated() { vocabularyIndex[id] = Int32(index) }
        var contextIndex = [Int32](repeating: Int32(contextWords), count: words.count)
        for (index, id) in byFrequency.prefix(contextWords).enumerated() { contextIndex[id] = Int32(index) }

        let vectors = projectedContexts(
            corpus: corpus, vocabularyIndex: vocabularyIndex, contextIndex: contextIndex, rows: vocabulary.count)
        let leaves = bisect(vectors, rows: vocabulary.count)
        var lines: [String] = []
        for leaf in leaves {
            let bits = String(leaf.path, radix: 2).leftPadded(to: leaf.length)
            for member in leaf.members {
                let id = vocabulary[Int(member)]
                lines.append("\(bits)\t\(words[id])\t\(counts[id])")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each vocabulary word's PPMI context vector reduced to ``dimensions`` singular dimensions, normalised.
    private func projectedContexts(corpus: [Int32], vocabularyIndex: [Int32], contextIndex: [Int32], rows: Int) -> [Float] {
        let slots = contextWords + 2  // the frequent words, "any other word", the sentence's edge
        let offsets = [-2, -1, 1, 2]
        var events: [UInt64] = []
        events.reserveCapacity(corpus.count * offsets.count)
        for (position, id) in corpus.enumerated() where id >= 0 {
            let row = vocabularyIndex[Int(id)]
            guard row >= 0 else { continue }
            for (slot, offset) in offsets.enumerated() {
                let other = position + offset
                let between = position + offset / 2
                let context: Int
                if other < 0 || other >= corpus.count || corpus[other] < 0 || corpus[between] < 0 {
                    context = slots - 1
                } else {
                    context = Int(contextIndex[Int(corpus[other])])
                }
                events.append(UInt64(row) << 32 | UInt64(slot * slots + context))
            }
        }
        events.sort()

        let columns = offsets.count * slots
        var columnCounts = [Double](repeating: 0, count: columns)
        var rowCounts = [Double](repeating: 0, count: rows)
        for event in events {
            columnCounts[Int(event & 0xFFFF_FFFF)] += 1
            rowCounts[Int(event >> 32)] += 1
        }
        let smoothed = columnCounts.map { pow($0, 0.75) }
        let smoothedTotal = smoothed.reduce(0, +)

        // The PPMI matrix, row by row (the events are sorted by row).
        var entryColumns: [Int32] = []
        var entryValues: [Float] = []
        var rowStarts = [Int](repeating: 0, count: rows + 1)
        var start = 0
        while start < events.count {
            var end = start + 1
            while end < events.count && events[end] == events[start] { end += 1 }
            let row = Int(events[start] >> 32)
            let column = Int(events[start] & 0xFFFF_FFFF)
            let pmi = log(Double(end - start) * smoothedTotal / (rowCounts[row] * smoothed[column]))
            if pmi > 0 {
                entryColumns.append(Int32(column))
                entryValues.append(Float(pmi))
                rowStarts[row + 1] = entryColumns.count
            }
            start = end
        }
        for row in 0..<rows { rowStarts[row + 1] = max(rowStarts[row + 1], rowStarts[row]) }
        let matrix = SparseRows(rowStarts: rowStarts, columns: entryColumns, values: entryValues, columnCount: columns)

        // Its leading right singular vectors by subspace iteration; each word is its row projected on them.
        var random = SplitMix(seed: seed)
        var basis = (0..<(columns * dimensions)).map { _ in Float(random.gaussian()) }
        orthonormalise(&basis, rows: columns)
        for _ in 0..<4 {
            basis = matrix.times(matrix.times(basis, dimensions), dimensions, transposed: true)
            orthonormalise(&basis, rows: columns)
        }
        var vectors = matrix.times(basis, dimensions)
        for row in 0..<rows { normalise(&vectors, row) }
        return vectors
    }

    /// Makes the ``dimensions`` columns of a row-major matrix orthonormal (modified Gram–Schmidt).
    private func orthonormalise(_ matrix: inout [Float], rows: Int) {
        let k = dimensions
        for j in 0..<k {
            for previous in 0..<j {
                var dot: Float = 0
                for r in 0..<rows { dot += matrix[r * k + j] * matrix[r * k + previous] }
                for r in 0..<rows { matrix[r * k + j] -= dot * matrix[r * k + previous] }
            }
            var norm: Float = 0
            for r in 0..<rows { norm += matrix[r * k + j] * matrix[r * k + j] }
            norm = norm.squareRoot()
            if norm > 0 { for r in 0..<rows { matrix[r * k + j] /= norm } }
        }
    }

    private struct Leaf {
        var members: [Int32]
        var path: UInt32
        var length: Int
        var splittable = true
    }

    /// Splits the rows in two, the largest group first, until there are ``clusterCount`` groups.
    private func bisect(_ vectors: [Float], rows: Int) -> [Leaf] {
        var leaves = [Leaf(members: (0..<Int32(rows)).map { $0 }, path: 0, length: 0)]
        var random = SplitMix(seed: seed &+ 1)
        while leaves.count < clusterCount {
            guard
                let largest = leaves.indices.filter({ leaves[$0].splittable && leaves[$0].members.count > 1 })
                    .max(by: { leaves[$0].members.count < leaves[$1].members.count })
            else { break }
            let leaf = leaves[largest]
            let (left, right) = twoMeans(vectors, leaf.members, &random)
            if left.isEmpty || right.isEmpty || leaf.length >= 31 {
                leaves[largest].splittable = false
                continue
            }
            leaves[largest] = Leaf(members: left, path: leaf.path << 1, length: leaf.length + 1)
            leaves.append(Leaf(members: right, path: leaf.path << 1 | 1, length: leaf.length + 1))
        }
        return leaves.sorted { ($0.path << (32 - $0.length), $0.length) < ($1.path << (32 - $1.length), $1.length) }
    }

    /// Spherical 2-means over some rows; returns the two groups.
    private func twoMeans(_ vectors: [Float], _ members: [Int32], _ random: inout SplitMix) -> ([Int32], [Int32]) {
        let d = dimensions
        let first = Int(members[Int(random.next() % UInt64(members.count))])
        var second = Int(members[Int(random.next() % UInt64(members.count))])
        if second == first { second = Int(members[(members.firstIndex(of: Int32(first))! + 1) % members.count]) }
        var centroids = Array(vectors[(first * d)..<(first * d + d)]) + Array(vectors[(second * d)..<(second * d + d)])
        var side = [Bool](repeating: false, count: members.count)
        for _ in 0..<8 {
            var sums = [Float](repeating: 0, count: 2 * d)
            vectors.withUnsafeBufferPointer { v in
                centroids.withUnsafeBufferPointer { c in
                    for (index, member) in members.enumerated() {
                        let base = Int(member) * d
                        var a: Float = 0
                        var b: Float = 0
                        for k in 0..<d {
                            a += v[base + k] * c[k]
                            b += v[base + k] * c[d + k]
                        }
                        let right = b > a
                        side[index] = right
                        let target = right ? d : 0
                        for k in 0..<d { sums[target + k] += v[base + k] }
                    }
                }
            }
            centroids = sums
            normalise(&centroids, 0)
            normalise(&centroids, 1)
        }
        var left: [Int32] = []
        var right: [Int32] = []
        for (index, member) in members.enumerated() {
            if side[index] { right.append(member) } else { left.append(member) }
        }
        return (left, right)
    }

    private func normalise(_ vectors: inout [Float], _ row: Int) {
        let range = (row * dimensions)..<(row * dimensions + dimensions)
        let norm = vectors[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return }
        for k in range { vectors[k] /= norm }
    }
}

/// A sparse matrix stored row by row.
private struct SparseRows {
    let rowStarts: [Int]
    let columns: [Int32]
    let values: [Float]
    let columnCount: Int

    /// This matrix times a dense `columnCount` × `k` row-major matrix, or with `transposed` this matrix's transpose
    /// times a dense (rows × `k`, row-major) one.
    func times(_ dense: [Float], _ k: Int, transposed: Bool = false) -> [Float] {
        var out = [Float](repeating: 0, count: (transposed ? columnCount : rowStarts.count - 1) * k)
        out.withUnsafeMutableBufferPointer { out in
            dense.withUnsafeBufferPointer { dense in
                for row in 0..<(rowStarts.count - 1) {
                    for entry in rowStarts[row]..<rowStarts[row + 1] {
                        let value = values[entry]
                        let column = Int(columns[entry]) * k
                        let (to, from) = transposed ? (column, row * k) : (row * k, column)
                        for j in 0..<k { out[to + j] += value * dense[from + j] }
                    }
                }
            }
        }
        return out
    }
}

/// A small seeded random number generator (SplitMix64), so that training is repeatable.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.combine(state, 0)
    }

    /// A standard normal variate (Box–Muller).
    mutating func gaussian() -> Double {
        let u = (Double(next() >> 11) + 0.5) / Double(1 << 53)
        let v = Double(next() >> 11) / Double(1 << 53)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        length == 0 ? "" : String(repeating: "0", count: max(0, length - count)) + self
    }
}
