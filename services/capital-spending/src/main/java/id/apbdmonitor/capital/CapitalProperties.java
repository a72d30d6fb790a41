package id.apbdmonitor.capital;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apbd.capital.*}: the priority projects whose contracts are followed one by one. Only
 * these codes become values of the {@code project} label, so the label stays bounded. A project
 * belongs to one region ({@code pemda}, the home region when not given): sub-kegiatan codes are
 * national, so another region's contracts on the same code are not the project's.
 */
@ConfigurationProperties("apbd.capital")
public record CapitalProperties(@DefaultValue List<Project> projects) {

	public CapitalProperties {
		projects = List.copyOf(projects);
	}

	/**
	 * The projects of one region, in configuration order; a project without {@code pemda} is the
	 * home region's. Fails when the region lists a code twice.
	 */
	public List<Project> projectsOf(String pemda, String homePemda) {
		List<Project> ofRegion = this.projects.stream()
			.filter(project -> project.pemdaOr(homePemda).equals(pemda))
			.toList();
		Set<String> codes = new HashSet<>();
		for (Project project : ofRegion) {
			if (!codes.add(project.code())) {
				throw new IllegalArgumentException(
						"apbd.capital.projects lists '" + project.code() + "' twice for pemda " + pemda);
			}
		}
		return ofRegion;
	}

	/** The first of {@code projects} that lists this sub-kegiatan, or null. */
	public static Project projectOf(List<Project> projects, String subActivity) {
		for (Project project : projects) {
			if (project.subActivities().contains(subActivity)) {
				return project;
			}
		}
		return null;
	}

	/**
	 * A priority project: label code, name, the OPD it is reported under, its sub-kegiatan codes,
	 * and its region (empty: the home region).
	 */
	public record Project(String code, @DefaultValue("") String name, String opd,
			@DefaultValue List<String> subActivities, @DefaultValue("") String pemda) {

		public Project {
			Objects.requireNonNull(code, "apbd.capital.projects[].code must be set");
			if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
				throw new IllegalArgumentException("project code must be lower-case letters, digits and '-': " + code);
			}
			Objects.requireNonNull(opd, "apbd.capital.projects[].opd must be set for " + code);
			subActivities = List.copyOf(subActivities);
		}

		/** The project's pemda, {@code homePemda} when the configuration gives none. */
		public String pemdaOr(String homePemda) {
			return this.pemda.isEmpty() ? homePemda : this.pemda;
		}

	}

}
