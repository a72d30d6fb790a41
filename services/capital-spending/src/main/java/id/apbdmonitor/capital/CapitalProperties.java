package id.apbdmonitor.capital;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.capital.*}: the priority projects whose contracts are followed one by one. Only
 * these codes become values of the {@code project} label, so the label stays bounded.
 */
@ConfigurationProperties("apbd.capital")
public record CapitalProperties(@DefaultValue List<Project> projects) {

	public CapitalProperties {
		projects = List.copyOf(projects);
		Set<String> codes = new HashSet<>();
		for (Project project : projects) {
			if (!codes.add(project.code())) {
				throw new IllegalArgumentException("apbd.capital.projects lists '" + project.code() + "' twice");
			}
		}
	}

	/** The project a contract of this sub-kegiatan belongs to, or null. */
	public Project projectOf(String subActivity) {
		for (Project project : this.projects) {
			if (project.subActivities().contains(subActivity)) {
				return project;
			}
		}
		return null;
	}

	/** A priority project: label code, name, the OPD it is reported under, its sub-kegiatan codes. */
	public record Project(String code, @DefaultValue("") String name, String opd,
			@DefaultValue List<String> subActivities) {

		public Project {
			Objects.requireNonNull(code, "apbd.capital.projects[].code must be set");
			if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
				throw new IllegalArgumentException("project code must be lower-case letters, digits and '-': " + code);
			}
			Objects.requireNonNull(opd, "apbd.capital.projects[].opd must be set for " + code);
			subActivities = List.copyOf(subActivities);
		}

	}

}
