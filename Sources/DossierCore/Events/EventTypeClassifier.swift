import Foundation

/// Event types learned from coded sentences, for what the patterns leave silent: an averaged perceptron reads a verb
/// whose subject is one actor and whose object or oblique is another, and names what the first does to the second as a
/// CAMEO code, or nothing. `dossier train events` trains it on PLV's sentences; the shipped model is in
/// `Resources/en/events`, with a README giving its data and cross-validated scores.
///
///     // "Rebels ambushed an army convoy near Goma." with no pattern for "ambushed":
///     let features = EventTypeClassifier.features(["v=ambush", "o=convoy", "p=near"])
///     EventTypeClassifier.english.classify(features)   // ("190", margin) when training saw such verbs
public struct EventTypeClassifier: Sendable {
    /// The classes: "" (no event) first, then CAMEO codes.
    public let labels: [String]
    let weights: PerceptronWeights
    /// The stems of the verbs training saw as events: only a sentence with one of them is parsed for this.
    let stems: Set<String>
    /// What the model was trained on, its settings and its scores.
    public let notes: String

    /// How far an event type must outscore none before an event is coded. PLV's sentences all state an event, where most
    /// news sentences with two actors state none: on the first 1,338 bulk articles a margin of 3 coded 188 learned events,
    /// few of them events ("Democrats hold a majority over Republicans"), 8 codes 115, with PLV train cross-validated
    /// (`scripts/plv_crossval.py`) within 0.002 of 3 and dev events no lower.
    static let minimumMargin: Float = 8

    static let magic = Array("DEVT".utf8)
    static let version: UInt32 = 1

    /// The English model shipped in `Resources/en/events`; loaded once.
    public static let english: EventTypeClassifier = {
        do {
            return try EventTypeClassifier(modelData: [UInt8](Resource.data("en/events", "english.devt")))
        } catch {
            fatalError("Dossier's bundled event-type model is unreadable: \(error)")
        }
    }()

    init(labels: [String], weights: PerceptronWeights, stems: Set<String>, notes: String) {
        self.labels = labels
        self.weights = weights
        self.stems = stems
        self.notes = notes
    }

    /// The best class other than none for a candidate's features, and by how much it beats none; nil when none wins.
    public func classify(_ keys: [UInt32]) -> (code: String, margin: Float)? {
        var scores = [Float](repeating: 0, count: labels.count)
        var scratch = [UInt64](repeating: 0, count: keys.count)
        keys.withUnsafeBufferPointer { keys in
            scores.withUnsafeMutableBufferPointer { s in
                scratch.withUnsafeMutableBufferPointer { weights.add(keys, to: s.baseAddress!, scratch: $0.baseAddress!) }
            }
        }
        guard let best = scores.indices.dropFirst().max(by: { scores[$0] < scores[$1] }), scores[best] > scores[0] else {
            return nil
        }
        return (labels[best], scores[best] - scores[0])
    }

    /// Whether a lowercased word's stem is one training saw as an event's verb.
    func knows(lowercased word: String) -> Bool { stems.contains(Self.stem(lowercased: word)) }

    /// The keys of named features ("v=attack", "p=against").
    public static func features(_ names: [String]) -> [UInt32] {
        names.map { FeatureHash.key(0, FeatureHash.of($0), salt: 0x4556_454E_54) }
    }

    /// A crude English stem that folds a verb's inflections together: "accuses", "accused", "accusing" → "accus";
    /// "agrees", "agreed" → "agre"; "denies", "denied" → "deni".
    public static func stem(_ word: String) -> String { stem(lowercased: word.lowercased()) }

    static func stem(lowercased word: String) -> String {
        var w = Substring(word)
        // "agreed" keeps the "e" that "agree" and "agrees" lose.
        var finalE = true
        if w.count > 4, w.hasSuffix("ies") || w.hasSuffix("ied") {
            w = w.dropLast(3) + "i"
        } else if w.count > 5, w.hasSuffix("ing") {
            w = w.dropLast(3)
        } else if w.count > 4, w.hasSuffix("ed") {
            w = w.dropLast(2)
            finalE = false
        } else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") {
            w = w.dropLast(1)
        }
        if finalE, w.count > 3, w.hasSuffix("e") { w = w.dropLast(1) }
        if w.count > 3, w.hasSuffix("y") { w = w.dropLast(1) + "i" }
        return String(w)
    }
}

extension EventTypeClassifier {
    /// Reads a model in the format ``modelData`` writes.
    public init(modelData: [UInt8]) throws {
        var reader = ModelReader(bytes: modelData)
        guard try reader.bytes(4).elementsEqual(Self.magic) else { throw SyntaxModelError.notAModel }
        guard try reader.integer(UInt32.self) == Self.version else { throw SyntaxModelError.unsupportedVersion }
        let notes = try reader.string()
        let labels = try reader.strings()
        let stems = try reader.strings()
        guard labels.first == "", labels.count >= 2, labels.count < 256 else { throw SyntaxModelError.malformed }
        let weights = try reader.weights(tagCount: labels.count)
        self.init(labels: labels, weights: weights, stems: Set(stems), notes: notes)
    }

    /// Reads a model file made by `dossier train events`.
    public init(contentsOf url: URL) throws { try self.init(modelData: [UInt8](try Data(contentsOf: url))) }

    /// The model in its file format.
    public var modelData: [UInt8] {
        var writer = ModelWriter(Self.magic)
        writer.integer(Self.version)
        writer.string(notes)
        writer.strings(labels)
        writer.strings(stems.sorted())
        writer.weights(weights)
        return writer.bytes
    }
}
