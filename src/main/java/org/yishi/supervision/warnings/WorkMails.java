package org.yishi.supervision.warnings;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the notices of new work as soon as the step that raised them has committed, rather than after the next
 * sweep. Without SMTP nothing is mailed; a mail that fails is tried again after the next sweep, like a warning's.
 */
@Component
class WorkMails {

    private final WarningMails mails;
    private final TransactionTemplate fresh;

    WorkMails(WarningMails mails, PlatformTransactionManager transactions) {
        this.mails = mails;
        this.fresh = new TransactionTemplate(transactions);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(WorkNotices.Raised raised) {
        fresh.executeWithoutResult(status -> mails.sendPending());
    }
}
