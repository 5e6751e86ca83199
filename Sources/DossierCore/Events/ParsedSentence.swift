/// A sentence with its dependency tree, as the event coder reads who did what to whom from it: the subjects, objects,
/// obliques and passive agents of a verb, the owner and the prepositional phrases of a noun, and the actor each nominal
/// stands for. Word indices count from the sentence's first token.
///
///     // "Germany and France called on Russia to withdraw."
///     parsed.subjects(of: 3)            // [0]: "Germany" (and, through `actors`, "France")
///     parsed.obliques(of: 3, "on")      // [5]: "Russia"
struct ParsedSentence {
    let tree: DependencyTree
    /// The sentence's lowercased words.
    let words: [String]
    let tags: [PartOfSpeech]
    /// The actor whose mention each word belongs to.
    let actorAt: [Int: Int]

    /// `actors` are the sentence's actor mentions as word ranges of the sentence with their entities.
    init(tree: DependencyTree, words: [String], tags: [PartOfSpeech], actors: [(words: Range<Int>, entity: Int)]) {
        self.tree = tree
        self.words = words
        self.tags = tags
        var actorAt: [Int: Int] = [:]
        for actor in actors {
            // Every word of the mention stands for it ("The French" of "The French government"), the first mention a word
            // belongs to winning.
            for word in actor.words.clamped(to: 0..<tree.count) where actorAt[word] == nil { actorAt[word] = actor.entity }
        }
        self.actorAt = actorAt
    }

    /// The relation of a word to its head.
    func relation(_ word: Int) -> DependencyRelation { tree.relations[word] }

    /// Whether a verb is passive: it has a passive subject or a passive auxiliary ("was attacked").
    func isPassive(_ verb: Int) -> Bool {
        tree.dependents(of: verb).contains { relation($0).isPassiveSubject || relation($0).name == "aux:pass" }
    }

    /// The subjects of a verb, found through the verbs it shares them with: a conjoined verb takes its first conjunct's
    /// ("Kim showed ... and briefed"), an open complement its controller's ("agreed to send"; "urged Iran to stop": the
    /// object), a relative or participial clause the noun it describes ("the troops that attacked", "troops sent").
    func subjects(of verb: Int) -> [Int] {
        var current = verb
        for _ in 0..<6 {
            let own = tree.dependents(of: current) { $0.isSubject && !$0.isPassiveSubject }
            let passive = current != verb ? tree.dependents(of: current) { $0.isPassiveSubject } : []
            if let subject = (own + passive).first {
                if isRelativePronoun(subject), relation(current).isNounClause, let noun = tree.heads[current] { return [noun] }
                return [subject]
            }
            guard let head = tree.heads[current] else { return [] }
            let link = relation(current)
            if link.isOpenComplement {
                // Object control: "urged Iran to stop", "asked him to leave".
                if let object = tree.dependents(of: head, where: \.isObject).first { return [object] }
                current = head
            } else if link.isConjunct || link.base == "advcl" {
                current = head
            } else if link.isNounClause {
                return isPassive(verb) || link.name != "acl:relcl" ? [] : [head]
            } else {
                return []
            }
        }
        return []
    }

    /// A passive verb's subject, the one acted on ("Ukraine was attacked"); a participle describing a noun acts on that
    /// noun ("the convoy attacked by rebels").
    func passiveSubjects(of verb: Int) -> [Int] {
        let own = tree.dependents(of: verb, where: \.isPassiveSubject)
        if !own.isEmpty { return own }
        if relation(verb).base == "acl", relation(verb).name != "acl:relcl", let noun = tree.heads[verb] { return [noun] }
        return []
    }

    /// The direct and indirect objects of a verb.
    func objects(of verb: Int) -> [Int] { tree.dependents(of: verb, where: \.isObject) }

    /// The nominals that depend on `head` through the preposition `preposition` ("talks *with* Kim", "an embargo *on*
    /// China", "attacked *by* rebels").
    func obliques(of head: Int, _ preposition: String) -> [Int] {
        tree.dependents(of: head) { $0.base == "obl" || $0.base == "nmod" }.filter { nominal in
            tree.dependents(of: nominal, where: \.isCaseMarker).contains { words[$0] == preposition }
        }
    }

    /// The agent of a passive verb ("attacked by rebels").
    func agents(of verb: Int) -> [Int] {
        let marked = tree.dependents(of: verb, where: \.isPassiveAgent)
        return marked.isEmpty ? obliques(of: verb, "by") : marked
    }

    /// The owner of a noun ("Moscow's denial", "the EU's embargo").
    func owner(of noun: Int) -> Int? {
        tree.dependents(of: noun, where: \.isPossessive).first { !tags[$0].isPronoun }
    }

    /// The verb whose object a noun is ("held talks", "launched an offensive").
    func governingVerb(ofObject noun: Int) -> Int? {
        guard relation(noun).isObject, let verb = tree.heads[noun], tags[verb].isVerb else { return nil }
        return verb
    }

    /// The actor a nominal stands for: its own mention, else a name, nationality, owner or "of" phrase inside it
    /// ("Russian officials", "the government of Iran", "his counterpart, Chung", "Brazil's federal police"); the owner
    /// before a modifying phrase ("Israel's attack on Gaza" is Israel's).
    func actor(_ word: Int) -> Int? {
        if let entity = actorAt[word] { return entity }
        let parts = tree.dependents(of: word)
        for test: (DependencyRelation) -> Bool in [
            { $0.isApposition || $0.isNamePart }, { $0.base == "amod" || $0.base == "det" }, { $0.isPossessive }, { $0.isNounModifier },
        ] {
            // "his counterpart" is not he.
            for part in parts where test(relation(part)) && !tags[part].isPronoun {
                if let entity = actorAt[part] { return entity }
            }
        }
        return nil
    }

    /// The actors in a word's phrase, nearest first: its objects, obliques and modifiers and theirs, not its subjects
    /// nor the clauses it governs ("ambushed a police convoy in western Afghanistan": Afghanistan).
    func actorsBelow(_ word: Int) -> [Int] {
        var level = [word]
        var seen = 0
        while !level.isEmpty && seen <= tree.count {
            var next: [Int] = []
            for head in level {
                for dependent in tree.dependents(of: head) where !Self.closesPhrase(relation(dependent), fromTrigger: head == word) {
                    next.append(dependent)
                }
            }
            let found = actors(next)
            if !found.isEmpty { return found }
            seen += next.count
            level = next
        }
        return []
    }

    /// The relations that lead out of a phrase: to a subject, another clause, a conjoined phrase or punctuation; from the
    /// trigger itself, a clause describing it too ("a visit to accept delivery of a Russian system").
    static func closesPhrase(_ relation: DependencyRelation, fromTrigger: Bool) -> Bool {
        (relation.isSubject && !relation.isPassiveSubject)
            || ["ccomp", "advcl", "parataxis", "conj", "cc", "punct", "mark", "aux", "cop", "discourse", "list", "vocative"]
                .contains(relation.base)
            || relation.name == "acl:relcl" || (fromTrigger && relation.base == "acl")
    }

    /// The actors of nominals with those coordinated to them ("Germany and France").
    func actors(_ nominals: [Int]) -> [Int] {
        var out: [Int] = []
        for nominal in nominals {
            for word in [nominal] + tree.dependents(of: nominal, where: \.isConjunct) {
                if let entity = actor(word), !out.contains(entity) { out.append(entity) }
            }
        }
        return out
    }

    /// "who", "which", "that" opening a relative clause.
    func isRelativePronoun(_ word: Int) -> Bool {
        tags[word].kind == .whPronoun || tags[word].kind == .whDeterminer || (words[word] == "that" && relation(word).isSubject)
    }
}
