import Foundation
import Testing
@testable import SheafKit

/// A build asked to stop starts no further volume; the books written are whole and a re-run finishes the rest.
@Suite struct BuildInterruptionTests {
    @Test func aSecondRequestSaysSo() {
        let interruption = BuildInterruption()
        #expect(!interruption.isRequested)
        #expect(interruption.request() == false)
        #expect(interruption.isRequested)
        #expect(interruption.request() == true)
    }

    @Test func stopsAfterTheBookBeingWrittenAndARerunFinishes() async throws {
        let archive = try CatalogedVolumeMakerTests.Archive()
        let options = BuildOptions(inputs: [archive.inputs], outputDirectory: archive.out, jobs: 1, prune: true)
        let interruption = BuildInterruption()
        let stopped = try await SheafPipeline(options: options, environment: BuildEnvironment())
            .build(interruption: interruption) { _ in interruption.request() }
        #expect(stopped.volumes.count == 1)
        let books = try FileManager.default.contentsOfDirectory(atPath: archive.out).filter { $0.hasSuffix(".epub") }
        #expect(books == stopped.volumes.map { ($0.file as NSString).lastPathComponent })

        let finished = try await SheafPipeline(options: options, environment: BuildEnvironment()).build()
        #expect(finished.volumes.count > 1)
        #expect(finished.unchangedVolumes.map(\.file) == stopped.volumes.map(\.file))
        #expect(finished.writtenVolumes.count == finished.volumes.count - 1)
    }
}

extension BuildInterruptionTests {
    /// A second Ctrl-C (or SIGKILL) may leave libzip's temporary file (under Sheaf's mark): the next run removes
    /// it, catalog or not, and leaves alone a user's file of a name that merely looks like one.
    @Test func theNextRunRemovesTemporaryFilesWithoutACatalogToo() async throws {
        let archive = try CatalogedVolumeMakerTests.Archive()
        try FileManager.default.createDirectory(atPath: archive.out, withIntermediateDirectories: true)
        for name in [".sheaf-tmp.x.epub.Ab12Cd", "x.epub.Ab12Cd"] {
            #expect(FileManager.default.createFile(atPath: archive.out + "/" + name, contents: Data("torn".utf8)))
        }
        _ = try await archive.build { $0.catalog = false }
        #expect(!FileManager.default.fileExists(atPath: archive.out + "/.sheaf-tmp.x.epub.Ab12Cd"))
        #expect(FileManager.default.fileExists(atPath: archive.out + "/x.epub.Ab12Cd"))
    }
}

extension BuildInterruptionTests {
    /// A volume still being normalized when the stop comes is given up between articles: nothing is written.
    @Test func aVolumeBeingMadeIsGivenUpBeforeItIsWritten() throws {
        let archive = try CatalogedVolumeMakerTests.Archive()
        let options = BuildOptions(inputs: [archive.inputs], outputDirectory: archive.out, catalog: false)
        let volume = try #require(SheafPipeline(options: options, environment: BuildEnvironment())
            .planForBuilding().plan.volumes.first)
        let interruption = BuildInterruption()
        interruption.request()
        let maker = VolumeMaker(templates: try TemplateSet.builtIn(), environment: BuildEnvironment(),
                                outputDirectory: archive.out, interruption: interruption)
        let outcome = maker.make(volume)
        #expect(outcome.entry.status == .failed && outcome.entry.error == "interrupted: not written")
        #expect(outcome.entry.articles.count == volume.articles.count)
        #expect(!FileManager.default.fileExists(atPath: outcome.entry.file))
    }
}
