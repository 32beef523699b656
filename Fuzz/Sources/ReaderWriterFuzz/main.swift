import Foundation
import FuzzerDriver

// SwiftPM gives an executable its own entry point, so libFuzzer's `main` is not used: hand over to its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
