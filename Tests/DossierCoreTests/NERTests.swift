import Foundation
import Testing

@testable import DossierCore

@Suite("Name recogniser")
struct NERTests {
    let recognizer = NameRecognizer.english

    @Test func tagsPeopleAndPlaces() {
        let words = "Sergei Shoigu met Kim Jong Un in Pyongyang .".split(separator: " ").map(String.init)
        #expect(recognizer.tag(words) == ["B-PER", "I-PER", "O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "O"])
    }

    @Test func findsNamesItNeverSaw() {
        let words = "Zorvath Quellinby , the chairman of Bravonix Holdings , told reporters in Brussels .".split(separator: " ")
            .map(String.init)
        let names = recognizer.names(sentences: [words])[0]
        #expect(names.contains(NameSpan(start: 0, end: 2, type: .person)))
        #expect(names.contains(NameSpan(start: 6, end: 8, type: .organisation)))
        #expect(names.contains(NameSpan(start: 12, end: 13, type: .location)))
    }

    @Test func tagsEveryWordOfEverySentence() {
        let sentences = [["BRUSSELS", "1996-08-22"], [], ["The", "European", "Commission", "said", "so", "."]]
        let tags = recognizer.tag(sentences: sentences)
        #expect(tags.map(\.count) == [2, 0, 6])
        #expect(tags[2][1...2] == ["B-ORG", "I-ORG"])
    }

    @Test func readsSpansAsConllevalDoes() {
        #expect(
            NameSpan.spans(["B-PER", "I-PER", "B-PER", "O"]) == [
                NameSpan(start: 0, end: 2, type: .person), NameSpan(start: 2, end: 3, type: .person),
            ])
        // IOB1: I-X after O or another type starts a name.
        #expect(NameSpan.spans(["I-LOC", "I-ORG", "I-ORG", "O", "I-MISC"]).map(\.type) == [.location, .organisation, .miscellaneous])
        #expect(NameSpan.spans(["O", "O"]).isEmpty)
    }

    @Test func allowsInsideTagsOnlyAfterTheirType() {
        let insidePerson = NameTag.index(of: "I-PER")!
        #expect(NameTag.allowed(after: NameTag.index(of: "B-PER")!, insidePerson))
        #expect(NameTag.allowed(after: insidePerson, insidePerson))
        #expect(!NameTag.allowed(after: 0, insidePerson))
        #expect(!NameTag.allowed(after: nil, insidePerson))
        #expect(!NameTag.allowed(after: NameTag.index(of: "B-ORG")!, insidePerson))
    }

    @Test func viterbiFollowsTheConstraints() {
        // Emissions prefer I-PER everywhere; the best legal path starts with B-PER.
        var emissions = [Float](repeating: 0, count: 3 * NameTag.count)
        for i in 0..<3 { emissions[i * NameTag.count + 2] = 5 }
        let transitions = [Float](repeating: 0, count: (NameTag.count + 1) * NameTag.count)
        let path = emissions.withUnsafeBufferPointer { Viterbi.best(emissions: $0, count: 3, transitions: transitions) }
        #expect(path.map { NameTag.labels[Int($0)] } == ["B-PER", "I-PER", "I-PER"])
    }

    @Test func scoresExactSpans() {
        var score = NameScore()
        score.add(gold: ["B-PER", "I-PER", "O", "B-LOC"], predicted: ["B-PER", "O", "O", "B-LOC"])
        let measures = score.measures()
        #expect(measures.precision == 0.5 && measures.recall == 0.5)
        #expect(score.measures(.location).f1 == 1)
    }

    @Test func wordAtomsDescribeShapeAndCase() {
        let peter = WordAtoms("Peter", .none)
        let smith = WordAtoms("Smith", .none)
        #expect(peter.shape == smith.shape)
        #expect(peter.form == .capitalised)
        #expect(WordAtoms("BRUSSELS", .none).form == .allCaps)
        #expect(WordAtoms("BRUSSELS", .none).lower == WordAtoms("Brussels", .none).lower)
        #expect(WordAtoms("1996-08-22", .none).form == .number)
        #expect(WordAtoms("U.S.", .none).shape != peter.shape)
        #expect(WordAtoms("Émile", .none).form == .capitalised)
    }

    @Test func featuresAreFixedInNumberAndRepeatable() {
        let features = NameFeatures(clusters: .none, gazetteer: Gazetteer([(["North", "Korea"], .location)]))
        let document = features.document([["Kim", "visited", "North", "Korea", "."]])
        let keys = features.keys(document)
        #expect(keys[0].count == 5 * NameFeatures.perWord)
        #expect(!keys[0].contains(0))
        #expect(keys == features.keys(features.document([["Kim", "visited", "North", "Korea", "."]])))
        #expect(features.keys(document, earlier: [[1, 0, 5, 6, 0]]) != keys)
    }

    @Test func gazetteerMarksTheLongestMatch() {
        let gazetteer = Gazetteer([(["North", "Korea"], .location), (["Korea"], .location), (["Kim"], .person)])
        let marks = gazetteer.marks(["kim", "in", "north", "korea"].map { FeatureHash.of($0) })
        let location = NameType.location.rawValue
        #expect(marks == [1 << 3, 0, 1 << UInt16(4 * location), 1 << UInt16(4 * location + 2)])
    }

    @Test func gazetteerMatchesPastPrefixesThatAreNotNames() {
        // "Bank of" is no name, but it begins one: matching goes on to "Bank of England".
        let gazetteer = Gazetteer([(["Bank", "of", "England"], .organisation), (["England"], .location)])
        let marks = gazetteer.marks(["the", "bank", "of", "england", "and", "england"].map { FeatureHash.of($0) })
        let organisation = UInt16(4 * NameType.organisation.rawValue)
        let location = UInt16(4 * NameType.location.rawValue)
        #expect(marks == [0, 1 << organisation, 1 << (organisation + 1), 1 << (organisation + 2), 0, 1 << (location + 3)])
        #expect(gazetteer.count == 2)
        #expect(gazetteer.marks(["bank", "of"].map { FeatureHash.of($0) }) == [0, 0])
    }

    @Test func gazetteerListsNamePartsAndGivenNames() {
        let gazetteer = Gazetteer([(["Manchester", "United"], .organisation)]).adding(words: ["JAMES"], as: .firstName)
            .adding([(words: ["Ravi", "Shastri"], type: NameType.person)])
        let part = Gazetteer.WordList.partOfName.rawValue
        #expect(gazetteer.listed(FeatureHash.of("manchester")) == 1 << (part + UInt8(NameType.organisation.rawValue)))
        #expect(gazetteer.listed(FeatureHash.of("james")) == 1 << Gazetteer.WordList.firstName.rawValue)
        #expect(gazetteer.listed(FeatureHash.of("shastri")) == 1 << (part + UInt8(NameType.person.rawValue)))
        #expect(gazetteer.listed(FeatureHash.of("said")) == 0)
        #expect(gazetteer.count == 2)
    }

    @Test func clustersReadTheirTextForm() throws {
        let clusters = try WordClusters(text: "0110\tParis\t10\n0110\tLondon\t8\n111\tsaid\t50\n")
        #expect(clusters.wordCount == 3)
        let paris = WordAtoms("PARIS", clusters)
        let london = WordAtoms("London", clusters)
        #expect(paris.cluster == london.cluster && paris.cluster >= 0)
        #expect(WordAtoms("said", clusters).cluster != paris.cluster)
    }

    @Test func readsAndWritesConllColumns() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n"
        let documents = CoNLL.documents(text)
        #expect(documents.count == 1)
        #expect(documents[0].sentences.map(\.words) == [["EU", "rejects"], ["Peter"]])
        #expect(documents[0].sentences[0].tags == ["B-ORG", "O"])
        let out = CoNLL.text(documents, predicted: [[["B-ORG", "O"], ["B-PER"]]])
        #expect(out == "-DOCSTART- -X- -X- O O\n\nEU NNP B-NP B-ORG B-ORG\nrejects VBZ B-VP O O\n\nPeter NNP B-NP B-PER B-PER\n\n")
    }

    @Test func trainsSavesAndLoads() throws {
        let sentences = [
            "Anna NNP O B-PER\nvisited VBD O O\nParis NNP O B-LOC\n. . O O",
            "Boris NNP O B-PER\nleft VBD O O\nBerlin NNP O B-LOC\n. . O O",
            "Acme NNP O B-ORG\nhired VBD O O\nAnna NNP O B-PER\n. . O O",
        ]
        let documents = CoNLL.documents(sentences.joined(separator: "\n\n"))
        var trainer = NameRecognizerTrainer()
        trainer.epochs = 5
        trainer.folds = 3
        trainer.dropout = 0.1
        trainer.ensemble = 2
        let (trained, score) = try trainer.train(documents, dev: documents)
        #expect(score.f1 > 50)
        trainer.refitOnDev = true
        #expect(try trainer.train(documents, dev: documents).dev.f1 == score.f1)
        let loaded = try NameRecognizer(data: trained.data)
        let words = documents.flatMap(\.sentences).map(\.words)
        #expect(loaded.tag(sentences: words) == trained.tag(sentences: words))
        #expect(loaded.data == trained.data)
        #expect(throws: NameModelError.self) { try NameRecognizer(data: Data("not a model".utf8)) }
    }

    @Test func shippedModelRoundTrips() throws {
        let loaded = try NameRecognizer(data: recognizer.data)
        let words = "Prime Minister Theresa May flew to Washington on Reuters ' plane .".split(separator: " ").map(String.init)
        #expect(loaded.tag(words) == recognizer.tag(words))
        #expect(recognizer.notes.contains("dev F1"))
    }
}
