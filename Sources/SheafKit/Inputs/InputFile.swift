/// An input file found by walking the input paths, with the format that reads it.
public struct InputFile: Sendable, Hashable, Codable {
    /// The path as opened (the user's argument joined with the walked components).
    public var path: String
    /// The name of the format that reads the file (`mirror`).
    public var format: String

    public init(path: String, format: String) {
        self.path = path
        self.format = format
    }
}
