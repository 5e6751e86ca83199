/// A move from one item of a beam, and the score of the whole sequence it ends.
struct BeamCandidate {
    var parent: Int
    var move: Int
    var score: Float
}

/// The `width` best-scoring candidates offered, best first (the first offered of equal scores first).
struct TopCandidates {
    let width: Int
    private(set) var best: [BeamCandidate] = []

    init(width: Int) {
        self.width = width
        best.reserveCapacity(width + 1)
    }

    /// Whether a candidate of this score would be kept now.
    @inline(__always)
    func admits(_ score: Float) -> Bool { best.count < width || score > best[best.count - 1].score }

    @inline(__always)
    mutating func offer(_ candidate: BeamCandidate) {
        guard admits(candidate.score) else { return }
        if best.count == width { best.removeLast() }
        var i = best.count
        while i > 0 && best[i - 1].score < candidate.score { i -= 1 }
        best.insert(candidate, at: i)
    }
}

extension DependencyParser {
    /// The best move sequence that a beam of ``beamWidth`` sequences finds (Zhang and Clark 2008): at each step
    /// every sequence of the beam is extended by every move it allows, and the best-scoring extensions are kept.
    /// Every sequence of a sentence of `n` words has `2n` moves, so they all end together.
    func beamParse(_ sentence: ParseFeatures.Sentence, wordCount: Int) -> ArcHybrid {
        var beam = [ArcHybrid(wordCount: wordCount, labelCount: relations.count, rootLabel: rootLabel)]
        var beamScores: [Float] = [0]
        var keys = [UInt32](repeating: 0, count: ParseFeatures.count)
        var scores = [Float](repeating: 0, count: scorer.width)
        var scratch = [UInt64](repeating: 0, count: ParseFeatures.count)
        let moveCount = self.moveCount
        keys.withUnsafeMutableBufferPointer { k in
            scores.withUnsafeMutableBufferPointer { s in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    while !beam[0].isFinal {
                        var top = TopCandidates(width: beamWidth)
                        for (i, state) in beam.enumerated() {
                            ParseFeatures.extract(state, sentence, into: k.baseAddress!)
                            for m in 0..<s.count { s[m] = 0 }
                            scorer.add(UnsafeBufferPointer(k), to: s.baseAddress!, scratch: scratch.baseAddress!)
                            for m in 0..<moveCount where top.admits(beamScores[i] + s[m]) && state.allows(m) {
                                top.offer(BeamCandidate(parent: i, move: m, score: beamScores[i] + s[m]))
                            }
                        }
                        beam = top.best.map { candidate in
                            var state = beam[candidate.parent]
                            state.apply(candidate.move)
                            return state
                        }
                        beamScores = top.best.map(\.score)
                    }
                }
            }
        }
        return beam[0]
    }
}

extension ParserTrainer {
    /// One step of a sequence in a beam: the step before it (-1 for none), its move, and where the features of the
    /// state it was made from are kept.
    private struct Trace {
        var parent: Int32
        var move: Int32
        var keys: Int32
    }

    /// A sequence in a beam: its last state and score, its last ``Trace``, and whether each of its moves lost no
    /// more gold arcs than the best move allowed then (a gold sequence, as the dynamic oracle sees them).
    private struct Item {
        var state: ArcHybrid
        var score: Float
        var trace: Int32
        var correct: Bool
    }

    /// Beam search over one sentence with a global perceptron update (Huang, Fayong and Guo 2012's max-violation
    /// update, for a beam parser trained as Zhang and Clark 2008 train theirs): once no gold sequence is left in the
    /// beam, the best gold sequence is followed outside it to the end; at the step where the best sequence of the beam
    /// outscores it most (or at the end, when the best final sequence is not gold), the features of the gold
    /// sequence's moves gain and those of the best sequence's lose, from where the two part. Returns whether the
    /// best final sequence is gold.
    func learnGlobally(_ gold: Encoded, _ perceptron: PerceptronTrainer, labelCount: Int, rootLabel: Int) -> Bool {
        let moveCount = 1 + 2 * labelCount
        var traces: [Trace] = []
        var keyStore: [UInt32] = []
        var scores = [Float](repeating: 0, count: moveCount)
        var scratch = [UInt64](repeating: 0, count: ParseFeatures.count)
        var beam = [
            Item(
                state: ArcHybrid(wordCount: gold.wordCount, labelCount: labelCount, rootLabel: rootLabel), score: 0, trace: -1,
                correct: true)
        ]
        /// The best gold sequence, while the beam holds none.
        var outside: Item?
        var right = [[Bool]](repeating: [Bool](repeating: false, count: moveCount), count: beamWidth + 1)
        var itemKeys = [Int32](repeating: 0, count: beamWidth + 1)
        var worst: (gold: Int32, predicted: Int32, violation: Float)?
        perceptron.tick()
        while !beam[0].state.isFinal {
            let expanded = beam + (outside.map { [$0] } ?? [])
            func trace(_ candidate: BeamCandidate) -> Int32 {
                traces.append(
                    Trace(parent: expanded[candidate.parent].trace, move: Int32(candidate.move), keys: itemKeys[candidate.parent]))
                return Int32(traces.count - 1)
            }
            var top = TopCandidates(width: beamWidth)
            var bestGold: BeamCandidate?
            for (i, item) in expanded.enumerated() {
                itemKeys[i] = Int32(keyStore.count)
                keyStore.append(contentsOf: repeatElement(0, count: ParseFeatures.count))
                keyStore.withUnsafeMutableBufferPointer { k in
                    let itemKeys = UnsafeMutableBufferPointer(rebasing: k[(k.count - ParseFeatures.count)...])
                    ParseFeatures.extract(item.state, gold.sentence, into: itemKeys.baseAddress!)
                    for m in 0..<moveCount { scores[m] = 0 }
                    scores.withUnsafeMutableBufferPointer { s in
                        scratch.withUnsafeMutableBufferPointer { scratch in
                            perceptron.add(UnsafeBufferPointer(itemKeys), to: s.baseAddress!, scratch: scratch.baseAddress!)
                        }
                    }
                }
                if item.correct { rightMoves(item.state, gold, into: &right[i]) }
                for m in 0..<moveCount where item.state.allows(m) {
                    let candidate = BeamCandidate(parent: i, move: m, score: item.score + scores[m])
                    if i < beam.count { top.offer(candidate) }
                    if item.correct && right[i][m] && bestGold.map({ candidate.score > $0.score }) ?? true { bestGold = candidate }
                }
            }
            func item(_ candidate: BeamCandidate) -> Item {
                var state = expanded[candidate.parent].state
                state.apply(candidate.move)
                return Item(
                    state: state, score: candidate.score, trace: trace(candidate),
                    correct: expanded[candidate.parent].correct && right[candidate.parent][candidate.move])
            }
            beam = top.best.map(item)
            outside = beam.contains(where: \.correct) ? nil : item(bestGold!)
            if let outside, beam[0].score - outside.score >= worst?.violation ?? 0 {
                worst = (outside.trace, beam[0].trace, beam[0].score - outside.score)
            }
        }
        if !beam[0].correct, outside == nil, let best = beam.first(where: \.correct),
            beam[0].score - best.score >= worst?.violation ?? 0
        {
            worst = (best.trace, beam[0].trace, beam[0].score - best.score)
        }
        if let worst { update(perceptron, gold: worst.gold, predicted: worst.predicted, traces: traces, keys: keyStore) }
        return beam[0].correct
    }

    /// Moves the weights towards the gold sequence's moves and away from the predicted one's, from where they part
    /// (two sequences of as many moves).
    private func update(_ perceptron: PerceptronTrainer, gold: Int32, predicted: Int32, traces: [Trace], keys: [UInt32]) {
        var gold = gold
        var predicted = predicted
        keys.withUnsafeBufferPointer { keys in
            func features(_ trace: Trace) -> UnsafeBufferPointer<UInt32> {
                UnsafeBufferPointer(rebasing: keys[Int(trace.keys)..<(Int(trace.keys) + ParseFeatures.count)])
            }
            while gold != predicted && gold >= 0 && predicted >= 0 {
                perceptron.update(features(traces[Int(gold)]), tag: Int(traces[Int(gold)].move), by: 1)
                perceptron.update(features(traces[Int(predicted)]), tag: Int(traces[Int(predicted)].move), by: -1)
                gold = traces[Int(gold)].parent
                predicted = traces[Int(predicted)].parent
            }
        }
    }

    /// Counts the features of the states on the dynamic oracle's path through a sentence (its first right move at
    /// each step), for the minimum feature count of a beam-trained model.
    func countFeatures(_ gold: Encoded, _ perceptron: PerceptronTrainer, labelCount: Int, rootLabel: Int) {
        var state = ArcHybrid(wordCount: gold.wordCount, labelCount: labelCount, rootLabel: rootLabel)
        var keys = [UInt32](repeating: 0, count: ParseFeatures.count)
        var right = [Bool](repeating: false, count: 1 + 2 * labelCount)
        while !state.isFinal {
            keys.withUnsafeMutableBufferPointer { k in
                ParseFeatures.extract(state, gold.sentence, into: k.baseAddress!)
                perceptron.count(UnsafeBufferPointer(k))
            }
            rightMoves(state, gold, into: &right)
            state.apply(right.firstIndex(of: true)!)
        }
    }
}
