import DossierCore
import Foundation
import Testing

@Suite struct DocumentTests {
    @Test func aPipelineOutOfOrderFailsWhenBuilt() throws {
        let data = LanguageData.english
        #expect(throws: PipelineError.missingLayers(stage: "tokenizer", missing: ["furniture"])) {
            try Pipeline([ParagraphSplitter(), Tokenizer(abbreviations: data.abbreviations)])
        }
    }

    @Test func aDocumentPastItsBudgetStopsAfterTheStageThatSpentIt() throws {
        let pipeline = try Pipeline([ParagraphSplitter(), Pause(seconds: 0.06), Pause(name: "never run", seconds: 0)])
        var document = Document(text: "Kim met Shoigu.", source: "test", given: GivenMetadata())
        do {
            try pipeline.run(&document, budget: .milliseconds(20))
            Issue.record("the pipeline ran past its budget without failing")
        } catch PipelineError.timedOut(let stage, let seconds) {
            #expect(stage == "pause")
            #expect(seconds >= 0.06)
        }
        // Within its budget, or without one, the same document runs to the end.
        try pipeline.run(&document, budget: .seconds(60))
        try pipeline.run(&document)
    }

    @Test func aDocumentThatFinishesIsKeptEvenPastItsBudget() throws {
        let pipeline = try Pipeline([ParagraphSplitter(), Pause(seconds: 0.03)])
        var document = Document(text: "Kim met Shoigu.", source: "test", given: GivenMetadata())
        try pipeline.run(&document, budget: .milliseconds(1))
        #expect(document.assigned.contains(.paragraphs))
    }

    @Test func bodyOffsetsCountCodePoints() throws {
        let document = try analyse("Héadline\n\nPyongyang’s envoy met Seoul’s. Then “talks” began.")
        let map = BodyMap(document)
        #expect(map.body == "Pyongyang’s envoy met Seoul’s. Then “talks” began.")
        let scalars = Array(map.body.unicodeScalars)
        for sentence in document.sentences where document.blocks[sentence.block].role == .body {
            let range = try #require(map.range(sentence.span))
            let text = String(String.UnicodeScalarView(scalars[range.start..<range.end]))
            #expect(text == document.string(sentence.span))
        }
    }

    @Test func theJSONContractHasEveryField() throws {
        let document = try analyse("Headline of the day\n\nKim met Shoigu. | KCNA caption here\n\nKim met Shoigu.\n\n--With PTI inputs")
        let json = ExtractionOutput.json(document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["title", "published", "credits", "captions", "body", "entities", "events", "quotes", "claims", "times"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["title"] as? String == "Headline of the day")
        #expect(object["credits"] as? [String] == ["PTI"])
        #expect(object["body"] as? String == "Kim met Shoigu.")
    }

    @Test func theEmbeddedSampleReportIsShipped() throws {
        let text = String(decoding: try Resource.defaultReport(), as: UTF8.self)
        #expect(text.contains("Shoigu"))
    }
}

/// A stage written for the tests that only takes time.
struct Pause: Stage {
    var name = "pause"
    let requires: Set<Layer> = []
    let assigns: Set<Layer> = []
    let seconds: Double

    func run(_ document: inout Document) throws {
        Thread.sleep(forTimeInterval: seconds)
    }
}
