// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI

/// Screens built by hand for the tests, in the NHS palette the kiosk uses.
enum SampleScreens {
    static let white = Color(hex: 0xFFFFFF)
    static let text = Color(hex: 0x212B32)
    static let blue = Color(hex: 0x005EB8)
    static let green = Color(hex: 0x007F3B)
    static let yellow = Color(hex: 0xFFEB3B)
    static let grey = Color(hex: 0xF0F4F5)

    /// A survey question screen of `size`: a header, a question, five answer buttons with faces and labels, and a
    /// "Next" button, laid out in proportion to the screen.
    static func survey(
        size: PixelSize,
        selected: Int? = nil,
        question: String = "How was your care today?"
    )
        -> DrawList
    {
        let width = Double(size.width)
        let height = Double(size.height)
        let margin = (width * 0.03).rounded()
        let headerHeight = (height * 0.14).rounded()
        var items: [DrawItem] = []
        let header = Rect(x: 0, y: 0, width: width, height: headerHeight)
        items.append(
            DrawItem(
                id: "header",
                bounds: header,
                command: .rectangle(header, cornerRadius: 0, fill: blue, stroke: nil, lineWidth: 0)
            )
        )
        let titleFrame = Rect(x: margin, y: 0, width: width - 2 * margin, height: headerHeight)
        let titleStyle = TextStyle(pixelSize: (headerHeight * 0.4).rounded(), weight: .bold, wraps: false)
        items.append(
            DrawItem(
                id: "header.title",
                bounds: titleFrame,
                command: .text(TextBox(text: "Ward 7 · Oak Ward", frame: titleFrame, style: titleStyle, color: white))
            )
        )
        let questionFrame = Rect(x: margin, y: headerHeight + margin, width: width - 2 * margin, height: height * 0.2)
        let questionStyle = TextStyle(pixelSize: (height * 0.07).rounded(), alignment: .center)
        items.append(
            DrawItem(
                id: "question",
                bounds: questionFrame,
                command: .text(TextBox(text: question, frame: questionFrame, style: questionStyle, color: text))
            )
        )
        let gap = margin / 2
        let buttonWidth = ((width - 2 * margin - 4 * gap) / 5).rounded(.down)
        let buttonTop = questionFrame.maxY + margin
        let buttonHeight = (height * 0.3).rounded()
        let labels = ["Very good", "Good", "Neither", "Poor", "Very poor"]
        for (index, label) in labels.enumerated() {
            let frame = Rect(
                x: margin + Double(index) * (buttonWidth + gap),
                y: buttonTop,
                width: buttonWidth,
                height: buttonHeight
            )
            items += answerButton(
                index: index,
                label: label,
                frame: frame,
                isSelected: index == selected,
                height: height
            )
        }
        let next = Rect(
            x: width - margin - width * 0.25,
            y: height - margin - height * 0.12,
            width: width * 0.25,
            height: height * 0.12
        )
        items.append(
            DrawItem(
                id: "next",
                bounds: next,
                command: .rectangle(next, cornerRadius: 8, fill: green, stroke: nil, lineWidth: 0)
            )
        )
        let nextStyle = TextStyle(pixelSize: (height * 0.05).rounded(), weight: .bold, alignment: .center)
        items.append(
            DrawItem(
                id: "next.label",
                bounds: next,
                command: .text(TextBox(text: "Next", frame: next, style: nextStyle, color: white))
            )
        )
        return DrawList(size: size, background: white, items: items)
    }

    /// One answer button: a rounded rectangle, a face whose mouth curves with the rating, and a label.
    private static func answerButton(
        index: Int,
        label: String,
        frame: Rect,
        isSelected: Bool,
        height: Double
    )
        -> [DrawItem]
    {
        let radius = min(frame.width, frame.height) * 0.2
        let center = Point(x: frame.minX + frame.width / 2, y: frame.minY + radius + 12)
        let smile = 0.8 - 0.4 * Double(index)
        let mouthY = center.y + radius * 0.35
        let controlY = mouthY + radius * smile * 0.5
        let face: [PathElement] = [
            .arc(center: center, radius: radius, startAngle: 0, endAngle: 2 * .pi),
            .close,
            .move(to: Point(x: center.x - radius * 0.5, y: mouthY)),
            .curve(
                to: Point(x: center.x + radius * 0.5, y: mouthY),
                control1: Point(x: center.x - radius * 0.2, y: controlY),
                control2: Point(x: center.x + radius * 0.2, y: controlY)
            ),
        ]
        let labelFrame = Rect(
            x: frame.minX + 6,
            y: center.y + radius + 6,
            width: frame.width - 12,
            height: frame.maxY - center.y - radius - 12
        )
        let labelStyle = TextStyle(pixelSize: (height * 0.04).rounded(), alignment: .center)
        return [
            DrawItem(
                id: "answer.\(index)",
                bounds: frame,
                command: .rectangle(
                    frame,
                    cornerRadius: 12,
                    fill: isSelected ? yellow : grey,
                    stroke: text,
                    lineWidth: isSelected ? 6 : 2
                )
            ),
            DrawItem(
                id: "answer.\(index).face",
                bounds: Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)
                    .insetBy(-3),
                command: .path(face, fill: nil, stroke: text, lineWidth: 3)
            ),
            DrawItem(
                id: "answer.\(index).label",
                bounds: labelFrame,
                command: .text(TextBox(text: label, frame: labelFrame, style: labelStyle, color: text))
            ),
        ]
    }
}
