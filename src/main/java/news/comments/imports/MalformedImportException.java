package news.comments.imports;

import news.comments.web.DomainException;
import news.comments.web.ProblemType;

import java.util.LinkedHashMap;
import java.util.Map;

/** An import file that is not well-formed XML, or not of the format named: the problem names the line and column. */
class MalformedImportException extends DomainException {

    private final Integer line;
    private final Integer column;

    MalformedImportException(String detail, Integer line, Integer column) {
        super(ProblemType.MALFORMED_XML, detail);
        this.line = line;
        this.column = column;
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
