import Testing
@testable import SheafKit

/// The runner of the build's two step lists: steps in order, none after the work is finished or a step failed.
@Suite struct PipelineStepTests {
    struct Trace: PipelineWork {
        var ran: [String] = []
        var failure: String? = nil
        var isFinished = false

        mutating func fail(_ error: any Error, in step: String) {
            failure = "\(step): \(error)"
            isFinished = true
        }
    }

    struct Broken: Error, CustomStringConvertible {
        var description: String { "broken" }
    }

    static func step(_ name: String, finishing: Bool = false, throwing: Bool = false) -> PipelineStep<Trace> {
        PipelineStep(name) { work in
            work.ran.append(name)
            if throwing { throw Broken() }
            if finishing { work.isFinished = true }
        }
    }

    @Test func stepsRunInTheirOrder() {
        var work = Trace()
        PipelineStep.run([Self.step("a"), Self.step("b"), Self.step("c")], on: &work)
        #expect(work.ran == ["a", "b", "c"])
        #expect(work.failure == nil)
    }

    @Test func aStepThatFinishesTheWorkEndsTheList() {
        var work = Trace()
        PipelineStep.run([Self.step("a"), Self.step("b", finishing: true), Self.step("c")], on: &work)
        #expect(work.ran == ["a", "b"])
    }

    @Test func aStepThatThrowsFailsTheWorkNamingTheStep() {
        var work = Trace()
        PipelineStep.run([Self.step("a"), Self.step("b", throwing: true), Self.step("c")], on: &work)
        #expect(work.ran == ["a", "b"])
        #expect(work.failure == "b: broken")
    }

    @Test func theBuildsListsNameTheirSteps() {
        #expect(SheafPipeline.planning.map(\.name) == ["scan", "each collection", "name books"])
        #expect(VolumeMaker.making.map(\.name) == ["load bodies → normalize", "cover", "assemble", "write", "record"])
    }
}
