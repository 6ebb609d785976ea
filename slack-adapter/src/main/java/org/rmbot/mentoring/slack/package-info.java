package org.rmbot.mentoring.slack;
