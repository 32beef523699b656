/// A named step of one of the build's two pipelines, and what it does to the work in hand.
///
/// The build is two short literal lists of these, read top to bottom: planning (`SheafPipeline.planning`) and making
/// one volume (`VolumeMaker.making`). Each step is defined where its work is (`PlanningSteps`, `VolumeSteps`); what
/// a step needs of the options comes with the work.
struct PipelineStep<Work: PipelineWork>: Sendable {
    /// The step's name, as the lists and the documentation call it.
    let name: String
    private let body: @Sendable (inout Work) throws -> Void

    init(_ name: String, _ body: @escaping @Sendable (inout Work) throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs `steps` in order on `work` until one finishes it; a step that throws ends the work with its error.
    static func run(_ steps: [PipelineStep], on work: inout Work) {
        for step in steps where !work.isFinished {
            do { try step.body(&work) } catch { work.fail(error, in: step.name) }
        }
    }
}

/// What a pipeline's steps work on.
protocol PipelineWork {
    /// Whether the work is done with: the steps left are not run.
    var isFinished: Bool { get }
    /// Ends the work with the error a step threw.
    mutating func fail(_ error: any Error, in step: String)
}
