package org.rmbot.mentoring.teams;
