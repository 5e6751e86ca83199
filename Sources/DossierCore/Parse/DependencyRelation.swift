/// A Universal Dependencies relation ("nsubj", "obj", "obl:agent"), as the parser labels a word's arc to its head.
///
///     let tree = DependencyParser.english.parse(["Russia", "attacked", "Ukraine", "."])
///     tree.relations[0]            // nsubj
///     tree.relations[0].isSubject  // true
public struct DependencyRelation: Hashable, Sendable, CustomStringConvertible {
    /// The relation as UD writes it, with its subtype where the parser keeps one ("nsubj:pass").
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }

    /// The relation without its subtype ("obl" for "obl:agent"), as the CoNLL 2018 shared task compares them.
    public var base: Substring { name.split(separator: ":", maxSplits: 1).first ?? name[...] }

    /// A nominal or clausal subject, active or passive.
    public var isSubject: Bool { base == "nsubj" || base == "csubj" }
    /// The subject of a passive verb ("Ukraine *was attacked*").
    public var isPassiveSubject: Bool { name == "nsubj:pass" || name == "csubj:pass" }
    /// A direct or indirect object.
    public var isObject: Bool { name == "obj" || name == "iobj" }
    /// An oblique: a nominal governed by a verb through a preposition ("talks *with Kim*"), the passive agent aside.
    public var isOblique: Bool { base == "obl" && name != "obl:agent" }
    /// The agent of a passive verb ("attacked *by rebels*").
    public var isPassiveAgent: Bool { name == "obl:agent" }
    /// A conjunct: the second and later members of a coordination ("Germany and *France*").
    public var isConjunct: Bool { name == "conj" }
    /// An open clausal complement, whose subject is its head's ("agreed *to send*").
    public var isOpenComplement: Bool { name == "xcomp" }
    /// A closed clausal complement ("said *that Russia attacked*").
    public var isClausalComplement: Bool { name == "ccomp" }
    /// A clause modifying a noun, relative ("the army *that attacked*") or participial ("troops *sent* to Mali").
    public var isNounClause: Bool { base == "acl" }
    /// A possessive nominal ("*Moscow*'s denial").
    public var isPossessive: Bool { name == "nmod:poss" }
    /// A nominal modifier of a noun ("an embargo on *China*").
    public var isNounModifier: Bool { base == "nmod" && name != "nmod:poss" }
    /// An apposition ("his counterpart, *Chung*").
    public var isApposition: Bool { name == "appos" }
    /// The marker of a nominal: a preposition or the possessive 's ("*with* Kim").
    public var isCaseMarker: Bool { name == "case" }
    /// A part of a multi-word name ("*Kim* Jong Un", "*defence* minister").
    public var isNamePart: Bool { base == "flat" || base == "compound" }
    /// The sentence's root.
    public var isRoot: Bool { name == "root" }

    /// The subtypes the parser keeps; every other subtype is read as its base relation.
    static let keptSubtypes: Set<String> = [
        "nsubj:pass", "csubj:pass", "aux:pass", "obl:agent", "nmod:poss", "acl:relcl", "compound:prt",
    ]

    /// The relation a treebank's label is trained as.
    static func trained(_ label: Substring) -> String {
        let name = String(label)
        return keptSubtypes.contains(name) ? name : String(label.split(separator: ":", maxSplits: 1).first ?? label)
    }
}

/// The dependency tree of one sentence: each word's head (`nil` for the root) and relation to it.
public struct DependencyTree: Sendable, Equatable {
    /// `heads[i]` is the index of word `i`'s head, `nil` for the sentence's root.
    public let heads: [Int?]
    public let relations: [DependencyRelation]

    public init(heads: [Int?], relations: [DependencyRelation]) {
        precondition(heads.count == relations.count, "one head and one relation a word")
        self.heads = heads
        self.relations = relations
    }

    public var count: Int { heads.count }

    /// The words whose head is `word`, in sentence order.
    public func dependents(of word: Int) -> [Int] { heads.indices.filter { heads[$0] == word } }

    /// The dependents of `word` whose relation satisfies `test`.
    public func dependents(of word: Int, where test: (DependencyRelation) -> Bool) -> [Int] {
        heads.indices.filter { heads[$0] == word && test(relations[$0]) }
    }

    /// Whether `ancestor` dominates `word` (a word dominates itself).
    public func dominates(_ ancestor: Int, _ word: Int) -> Bool {
        var current: Int? = word
        var steps = 0
        while let node = current, steps <= heads.count {
            if node == ancestor { return true }
            current = heads[node]
            steps += 1
        }
        return false
    }
}
