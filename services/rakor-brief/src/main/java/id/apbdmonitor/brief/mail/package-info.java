/** The weekly mail of the brief's PDF to the leadership, before the meeting. */
package id.apbdmonitor.brief.mail;
