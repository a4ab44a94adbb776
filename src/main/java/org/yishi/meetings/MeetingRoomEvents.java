package org.yishi.meetings;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.yishi.accounts.Viewers;
import org.yishi.platform.LiveChanges;
import org.yishi.platform.NotFound;

/**
 * The meeting room's changes, pushed (Server-Sent Events): the room page keeps this stream open and, at each
 * {@code changed} event, asks for the room again ({@code /run/live} with the version it shows, which answers 204 when
 * nothing it may see changed). The events come from PostgreSQL ({@link LiveChanges}), so a change made through any
 * node reaches the followers of every node; they say only that the meeting changed, never what it holds. The first
 * event is sent at once: after a dropped connection the browser reconnects by itself and the room catches up from the
 * version it had.
 */
@Controller
@RequestMapping("/meetings/{id}/run")
@PreAuthorize("hasAuthority('meeting:run')")
class MeetingRoomEvents {

    private final Meetings meetings;
    private final Streams streams;

    MeetingRoomEvents(Meetings meetings, Streams streams) {
        this.meetings = meetings;
        this.streams = streams;
    }

    /** Topic of a meeting's changes, as the meeting tables' trigger announces them (V130). */
    static String topic(long meetingId) {
        return "meeting:" + meetingId;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable long id) {
        if (!meetings.visibleTo(Viewers.current(), id)) {
            throw new NotFound("kind.meeting", id);
        }
        return streams.open(topic(id));
    }

    /**
     * The open streams of this node: each follows its topic in {@link LiveChanges}, gets a comment every 25 s (which
     * keeps it open through proxies and ends those whose browser has gone), and is ended before the web server's
     * graceful shutdown waits for open requests, so that the browsers reconnect (to another node if there is one).
     */
    @Component
    static class Streams implements SmartLifecycle {

        /** A stream lasts this long; the browser then opens another (and catches up), as after a dropped one. */
        private static final Duration LIFETIME = Duration.ofMinutes(30);

        private final LiveChanges live;
        private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
        private volatile boolean running;

        Streams(LiveChanges live) {
            this.live = live;
        }

        SseEmitter open(String topic) {
            SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
            LiveChanges.Following following = live.follow(topic, () -> send(emitter));
            Runnable end = () -> {
                following.close();
                open.remove(emitter);
            };
            emitter.onCompletion(end);
            emitter.onTimeout(end);
            emitter.onError(e -> end.run());
            open.add(emitter);
            send(emitter);
            return emitter;
        }

        private static void send(SseEmitter emitter) {
            try {
                emitter.send(SseEmitter.event().name("changed").data("").reconnectTime(2_000));
            } catch (IOException | IllegalStateException e) {
                // the follower has gone; its stream ends with it
                emitter.completeWithError(e);
            }
        }

        @Scheduled(fixedDelay = 25_000)
        void keepAlive() {
            for (SseEmitter emitter : open) {
                try {
                    emitter.send(SseEmitter.event().comment("open"));
                } catch (IOException | IllegalStateException e) {
                    emitter.completeWithError(e);
                }
            }
        }

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            open.forEach(SseEmitter::complete);
            open.clear();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE; // stopped first, before the web server (SmartLifecycle's default phase less 1024)
        }
    }
}
