import Foundation
import SheafKit

// Three articles held in memory — one Chinese, one English, one with a picture — made into example.epub.
// No file is read: the picture's bytes are given by the name the HTML uses for it.

/// A 96×64 bar chart, as PNG bytes.
let chart = Data(base64Encoded: """
    iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAlElEQVR42u3ZQQ2AMBBE0cpBxIroGU3IqZyKwAEkCCBLCASa9zMK\
    3nXKptMKAkCAAAECBAjQb1rblBwgQIAAAQIECNAzxdKTAwQIECBAgAABAgQIECBAXwCqbU4OECBAgAABAgQIECBAgMYD6jWSAwQI\
    ECBAgAABAgQIECBAgAABAgQIECBAgK4AhY5eejXGCBCge+1IzL+mJ8JdQQAAAABJRU5ErkJggg==
    """) ?? Data()

let articles = [
    MemoryArticle(
        title: "春天来了", date: ArticleDate(year: 2024, month: 3, day: 20),
        html: """
            <p>春分这一天，昼夜几乎一样长。</p>
            <p>田野里的麦苗返青，河边的柳树也发了新芽。</p>
            """,
        author: "小林"),
    MemoryArticle(
        title: "Spring is here", date: ArticleDate(year: 2024, month: 3, day: 21),
        html: """
            <p>On the equinox, day and night are almost the same length.</p>
            <p>The wheat turns green again, and the willows by the river <em>bud</em>.</p>
            """,
        author: "Lin", source: "https://example.com/2024/03/spring.html"),
    MemoryArticle(
        title: "Rainfall by week", date: ArticleDate(year: 2024, month: 3, day: 22),
        html: """
            <p>Rain in the four weeks of March:</p>
            <figure><img src="chart.png" alt="Four bars, the last the highest"/>
            <figcaption>Millimetres of rain per week.</figcaption></figure>
            """,
        images: ["chart.png": chart]),
]

let book = MemoryBook(title: "A Spring Notebook 春日札记", articles: articles, language: "en", author: "Sheaf example")
do {
    let notes = try book.write(to: "example.epub")
    for note in notes { print(note) }
    print("wrote example.epub: \(articles.count) articles")
} catch {
    print("cannot make the book: \(error)")
    exit(1)
}
