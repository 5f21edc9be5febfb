package news.comments.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become {@code application/problem+json}. Nothing from an exception's message reaches a
 * response unless the exception is one of ours ({@link DomainException}); everything else gets a fixed text, and
 * unexpected errors a log id instead of a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    /** Busy, not broken: the database answers, the service has more requests at once than connections for them. */
    static final Problem OVERLOADED = new Problem("/problems/overloaded", "Service busy", 503,
            "The service is busy with other requests; try again in a few seconds", null);

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Response.ResponseBuilder builder = respond(e.problem());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toList());
        return respond(new InvalidRequestException(violations).problem()).build();
    }

    /** Registered for Jackson's subtypes too, because Quarkus's own mappers for them would echo the input. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class})
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return respond(new Problem(ProblemType.MALFORMED_JSON.uri(), ProblemType.MALFORMED_JSON.title(), 400,
                    "A field has the wrong JSON type", List.of(new Problem.Violation(field, "has the wrong type"))))
                    .build();
        }
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "The request body is not valid JSON")).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your account does not have the role this needs")).build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(RuntimeException e) {
        return respond(Problem.of(ProblemType.CONCURRENT_UPDATE,
                "Someone else changed this at the same time; reload and try again")).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json);
            }
        }
        ProblemType type;
        String detail;
        if (e instanceof NotAllowedException) {
            type = ProblemType.METHOD_NOT_ALLOWED;
            detail = "This path does not accept that method";
        } else if (e instanceof NotSupportedException) {
            type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
            detail = "Send the body as application/json";
        } else if (e instanceof NotAcceptableException) {
            type = ProblemType.NOT_ACCEPTABLE;
            detail = "This resource answers application/json";
        } else if (status == 404) {
            type = ProblemType.NOT_FOUND;
            detail = "No such resource";
        } else if (status == 413) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
            detail = "The request body is over the limit";
        } else if (status >= 400 && status < 500) {
            return respond(new Problem("/problems/http-" + status, "Bad request", status,
                    "The request could not be handled", null)).build();
        } else {
            return unexpected(e);
        }
        Response.ResponseBuilder builder = respond(Problem.of(type, detail));
        if (e instanceof NotAllowedException) {
            String allow = e.getResponse().getHeaderString("Allow");
            if (allow != null) {
                builder.header("Allow", allow);
            }
        }
        return builder.build();
    }

    /**
     * A 503 the caller may retry, not a bug, and it says which of two things happened. The database cannot be reached
     * (down, restarting): {@code /problems/unavailable}; the pool hands out working connections again once it is
     * back, so this heals by itself. The database answers but every connection stayed busy for the pool's whole
     * acquisition timeout: {@code /problems/overloaded}, which must never claim the database is unreachable
     * (see {@link DatabaseTrouble}).
     */
    @ServerExceptionMapper({JDBCConnectionException.class, SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class})
    public Response unavailable(Exception e) {
        return DatabaseTrouble.of(e) == DatabaseTrouble.OVERLOADED ? overloaded(e) : unreachable(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        switch (DatabaseTrouble.of(e)) {
            case UNREACHABLE:
                return unreachable(e);
            case OVERLOADED:
                return overloaded(e);
            default:
                break;
        }
        String logId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, log id %s", logId);
        return respond(Problem.of(ProblemType.INTERNAL, "Something went wrong on our side (log id " + logId + ")"))
                .build();
    }

    /**
     * Whether the failure is the database's or the pool's (a 503 either way), not a bug: a connection failure
     * anywhere in the cause chain, or Agroal's acquisition timeout.
     */
    static boolean isConnectionFailure(Throwable e) {
        return DatabaseTrouble.of(e) != DatabaseTrouble.NONE;
    }

    private static Response unreachable(Throwable e) {
        LOG.warnf("Database unavailable: %s", e.getClass().getSimpleName());
        return respond(Problem.of(ProblemType.UNAVAILABLE, "The service cannot reach its database; try again shortly"))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }

    private static Response overloaded(Throwable e) {
        LOG.warnf("Overloaded: no database connection was free within the pool's acquisition timeout (%s)",
                e.getClass().getSimpleName());
        return overloadedResponse();
    }

    /** 503 {@code /problems/overloaded} with {@code Retry-After}: also {@link QueueTimeout}'s answer. */
    static Response overloadedResponse() {
        return respond(OVERLOADED).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static Response challenge() {
        return respond(Problem.of(ProblemType.UNAUTHORIZED, "Log in with HTTP Basic as a moderator or admin"))
                .header("WWW-Authenticate", "Basic realm=\"comments\"")
                .build();
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** {@code post.arg1.limit} → {@code limit}: the name a client knows. */
    private static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "request" : name;
    }

    /**
     * What a failure says about the database, read from its whole cause chain (transactions and CDI wrap it).
     * <p>
     * {@link #UNREACHABLE}: the driver failed to connect or lost the connection (SQLState class 08, "connection
     * exception", in every driver). {@link #OVERLOADED}: the connection pool gave up waiting for a free connection
     * while no connection attempt failed; the database answers, the service has more requests at once than it has
     * connections. Agroal says so only in its message ("Sorry, acquisition timeout!" with every pooled connection in
     * use, "Acquisition timeout while waiting for new connection" while one is being opened); it reports a failed
     * attempt as the driver's own exception, so a refused or lost connection is never taken for a busy pool.
     */
    enum DatabaseTrouble {
        NONE, UNREACHABLE, OVERLOADED;

        static DatabaseTrouble of(Throwable e) {
            boolean poolTimeout = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (isConnectionFailure(t)) {
                    return UNREACHABLE;   // a real failure anywhere in the chain wins over a timeout around it
                }
                if (t instanceof SQLException sql && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    poolTimeout = true;
                }
                if (t.getCause() == t) {
                    break;
                }
            }
            return poolTimeout ? OVERLOADED : NONE;
        }

        private static boolean isConnectionFailure(Throwable t) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                return sql.getSQLState() != null && sql.getSQLState().startsWith("08");
            }
            // Hibernate's type for SQLState 08; its own SQLException is further down the chain and decides
            return t instanceof JDBCConnectionException connection && connection.getSQLException() == null;
        }
    }
}
