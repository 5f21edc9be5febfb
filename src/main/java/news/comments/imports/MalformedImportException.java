package news.comments.imports;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An import file that is not well-formed (XML, JSON, a Remark42 backup, an Isso database), or not of the format named:
 * the problem names the line and column where there are lines.
 */
class MalformedImportException extends DomainException {

    private final Integer line;
    private final Integer column;

    MalformedImportException(String detail, Integer line, Integer column) {
        super(ProblemType.MALFORMED_XML, detail);
        this.line = line;
        this.column = column;
    }

    /** A file the parser could not read: where, and the parser's words without its own location prefix. */
    static MalformedImportException of(javax.xml.stream.XMLStreamException e) {
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNumber();
        Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNumber();
        String text = e.getMessage() == null ? "unreadable" : e.getMessage();
        int at = text.indexOf("Message: ");
        String message = at >= 0 ? text.substring(at + "Message: ".length()).strip() : text.strip();
        return new MalformedImportException("The file is not well-formed XML" + (line == null ? "" : " at line "
                + line + ", column " + column) + ": " + message, line, column);
    }

    /** A JSON file the parser could not read, and where. */
    static MalformedImportException of(com.fasterxml.jackson.core.JsonProcessingException e) {
        Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
        Integer column = e.getLocation() == null ? null : e.getLocation().getColumnNr();
        return new MalformedImportException("The file is not well-formed JSON" + (line == null ? "" : " at line "
                + line + ", column " + column) + ": " + e.getOriginalMessage(), line, column);
    }

    Integer line() {
        return line;
    }

    Integer column() {
        return column;
    }

    @Override
    protected Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (line != null) {
            extensions.put("line", line);
            extensions.put("column", column);
        }
        return extensions;
    }
}
