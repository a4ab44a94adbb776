package org.yishi.platform;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A request that changes something changes everything it says or nothing: its handler, every service it calls and
 * the building of its answer run in one transaction, and the answer leaves only after the commit. An answer of 400 or
 * more, an exception or a transaction marked for rollback rolls everything back (an API answer of success whose
 * transaction was marked for rollback is replaced by a 500 saying nothing was changed; a page redrawn with its form's
 * problems stands); if the commit fails, the answer built is dropped and the caller learns, truthfully, that nothing
 * was changed (a rollback) or that the outcome is unknown.
 *
 * <p>Safe methods (GET, HEAD, OPTIONS) are not covered: they change nothing. Sign-in ({@code /api/auth/}) is not
 * either, because a refused sign-in must keep the failure it counts toward the lockout.
 */
@Component
class RequestTransactions extends OncePerRequestFilter {

    /** Request attribute: how an unexpected error of this request left the data ({@link Outcome}). */
    static final String OUTCOME = RequestTransactions.class.getName() + ".outcome";

    private static final Logger log = LoggerFactory.getLogger(RequestTransactions.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** What an error answer may say about the data. */
    enum Outcome {
        /** The request changed nothing: it only read, or everything it did was rolled back. */
        UNCHANGED,
        /** The request may have changed something: a caller must check before retrying. */
        UNKNOWN;

        /** The outcome of the request's unexpected error, as far as this filter knows it. */
        static Outcome of(HttpServletRequest request) {
            Object known = request.getAttribute(OUTCOME);
            if (known instanceof Outcome outcome) {
                return outcome;
            }
            return SAFE.contains(request.getMethod()) ? UNCHANGED : UNKNOWN;
        }
    }

    private final PlatformTransactionManager transactions;

    RequestTransactions(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod()) || request.getRequestURI().startsWith(request.getContextPath() + "/api/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldAnswer answer = new HeldAnswer(response);
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        // while the transaction is open, an error handler may promise that nothing was changed: it will be rolled back
        request.setAttribute(OUTCOME, Outcome.UNCHANGED);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            transactions.rollback(transaction);
            throw e;
        }
        if (transaction.isRollbackOnly() || answer.getStatus() >= 400) {
            transactions.rollback(transaction);
            if (answer.getStatus() < 400 && api(request)) {
                // a part of the change failed and was swallowed: the answer would tell of a change that did not happen
                log.error("{} {} answered {} though its transaction was marked for rollback; rolled back",
                        request.getMethod(), request.getRequestURI(), answer.getStatus());
                response.reset();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                return;
            }
            // a page redrawn with the problems of its form: nothing was saved, and the page says so
            answer.release();
            return;
        }
        try {
            transactions.commit(transaction);
        } catch (RuntimeException e) {
            failedCommit(request, response, e);
            return;
        }
        answer.release();
    }

    /** The answer, body and redirect alike, held back until the transaction has ended. */
    private static final class HeldAnswer extends ContentCachingResponseWrapper {
        private String redirect;
        private int redirectStatus;

        HeldAnswer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) {
            sendRedirect(location, SC_FOUND, true);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) {
            redirect = location;
            redirectStatus = status;
        }

        @Override
        public int getStatus() {
            return redirect != null ? redirectStatus : super.getStatus();
        }

        void release() throws IOException {
            if (redirect != null) {
                ((HttpServletResponse) getResponse()).sendRedirect(redirect, redirectStatus, true);
            } else {
                copyBodyToResponse();
            }
        }
    }

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** The answer built is dropped: it told of a change that did not, or may not, happen. */
    private static void failedCommit(HttpServletRequest request, HttpServletResponse response, RuntimeException e)
            throws IOException {
        boolean rolledBack = e instanceof UnexpectedRollbackException || e instanceof DataIntegrityViolationException
                || e instanceof ConcurrencyFailureException;
        log.error("The commit of {} {} failed ({})", request.getMethod(), request.getRequestURI(),
                rolledBack ? "rolled back" : "outcome unknown", e);
        request.setAttribute(OUTCOME, rolledBack ? Outcome.UNCHANGED : Outcome.UNKNOWN);
        response.reset();
        response.sendError(e instanceof ConcurrencyFailureException ? HttpServletResponse.SC_CONFLICT
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}
