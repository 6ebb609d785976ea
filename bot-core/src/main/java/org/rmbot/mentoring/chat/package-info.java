/**
 * The chat port: a platform-neutral message model and the outbound {@link
 * org.rmbot.mentoring.chat.ChatPlatform} that the Slack and Teams adapters implement. Nothing in
 * this package knows a platform's SDK or wire format.
 */
package org.rmbot.mentoring.chat;
